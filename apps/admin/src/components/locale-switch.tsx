"use client";

import { chooseLocale } from "@/lib/actions";
import { useLocale } from "next-intl";
import { useTransition } from "react";

export function LocaleSwitch() {
  const locale = useLocale();
  const [pending, start] = useTransition();
  return (
    <div
      className="flex overflow-hidden rounded-md border border-slate-300 text-xs font-semibold"
      data-testid="locale-switch"
    >
      {(["pl", "en"] as const).map((l) => (
        <button
          key={l}
          type="button"
          disabled={pending}
          aria-pressed={locale === l}
          onClick={() => start(() => chooseLocale(l))}
          className={`px-2 py-1 uppercase ${locale === l ? "bg-slate-900 text-white" : "bg-white text-slate-600 hover:bg-slate-100"}`}
        >
          {l}
        </button>
      ))}
    </div>
  );
}
