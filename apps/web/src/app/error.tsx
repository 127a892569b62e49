"use client";

import { useLocale, useTranslations } from "next-intl";

import { ErrorMessage } from "@omni/ui/error-message";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  const locale = useLocale();
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-bold">{t("title")}</h1>
      <ErrorMessage message={error.message || t("generic")} onRetry={reset} locale={locale} />
    </div>
  );
}
