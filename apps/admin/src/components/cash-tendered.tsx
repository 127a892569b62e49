"use client";

import { inputClass, labelClass } from "@/components/page-header";
import { useTranslations } from "next-intl";

/** A large toggle among payment methods, for a counter's touch screen. */
export const bigChoice = (on: boolean) =>
  `min-h-14 rounded-lg px-4 text-lg font-semibold ring-1 ring-inset ${on ? "bg-slate-900 text-white ring-slate-900" : "bg-white ring-slate-300 hover:bg-slate-50"}`;

/** The cash a shopper hands over, typed by the clerk, with the change to give back (or what is missing). */
export function CashTendered({
  value,
  onChange,
  changeMinor,
  money,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  changeMinor: number | null;
  money: (minor: number) => string;
  testId: string;
}) {
  const t = useTranslations("counter");
  return (
    <label className={`${labelClass} mt-3`}>
      {t("cashGiven")}
      <input
        className={`${inputClass} min-h-12 text-xl`}
        inputMode="decimal"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
      {changeMinor !== null && (
        <span className="text-lg" data-testid={`${testId}-change`} aria-live="polite">
          {changeMinor >= 0 ? t("changeIs", { amount: money(changeMinor) }) : t("cashShort")}
        </span>
      )}
    </label>
  );
}
