"use client";

import { useTranslations } from "next-intl";

/** A screen that failed to load: one big button to try again, and the idle reset still applies. */
export default function KioskError({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("failure");
  return (
    <section data-testid="screen-error" className="flex flex-col items-center gap-10 px-10 py-32 text-center">
      <h1 className="text-6xl font-bold">{t("title")}</h1>
      <p className="text-3xl text-slate-600">{t("body")}</p>
      <button
        type="button"
        onClick={reset}
        className="min-h-24 rounded-2xl bg-slate-900 px-12 text-4xl font-semibold text-white"
      >
        {t("retry")}
      </button>
      <a href="/browse" className="min-h-16 text-2xl underline">
        {t("home")}
      </a>
    </section>
  );
}
