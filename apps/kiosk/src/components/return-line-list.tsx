"use client";

import type { Eligibility } from "@/lib/contract";
import { useLocale, useTranslations } from "next-intl";

import { eligibilityReason } from "@omni/ui/eligibility-view";
import { useLineTitle } from "@omni/ui/line-title";

import { QuantityStepper } from "./quantity-stepper";

type Line = Eligibility["lines"][number];

/**
 * The lines of an order as the kiosk returns them: each returnable line with a 64 px − / + for the
 * units to return (not a native select a finger cannot hit), the others with why they cannot go back.
 */
export function ReturnLineList({
  lines,
  deadline,
  selected,
  onChange,
}: {
  lines: Line[];
  deadline: Eligibility["deadline"];
  selected: Record<string, number>;
  onChange: (lineId: string, quantity: number) => void;
}) {
  const t = useTranslations("returns");
  const lineTitle = useLineTitle();
  const locale = useLocale();
  return (
    <section data-testid="eligibility-view" className="flex flex-col gap-4">
      {deadline && <p className="text-2xl text-slate-700">{t("deadline", { date: new Date(deadline) })}</p>}
      <ul className="divide-y divide-slate-200 rounded-3xl ring-2 ring-slate-200">
        {lines.map((line) => {
          const returnable = line.returnableQuantity > 0;
          return (
            <li
              key={line.lineId}
              data-testid="eligibility-line"
              data-line-id={line.lineId}
              data-returnable={line.returnableQuantity}
              className={`flex items-center gap-6 px-6 py-5 ${returnable ? "" : "bg-slate-50"}`}
            >
              <div className="min-w-0 flex-1">
                <p className="text-3xl font-semibold">{lineTitle(line)}</p>
                <p className="text-xl text-slate-600">
                  {line.sku} · × {line.quantity}
                </p>
                {returnable ? (
                  <p className="text-xl text-emerald-800">{t("returnable", { count: line.returnableQuantity })}</p>
                ) : (
                  <p className="text-xl text-slate-700" data-testid="eligibility-reason">
                    {t("notReturnable", { reason: eligibilityReason(line.reason, locale, line.reasonCode) })}
                  </p>
                )}
              </div>
              {returnable && (
                <QuantityStepper
                  value={selected[line.lineId] ?? 0}
                  max={line.returnableQuantity}
                  onChange={(quantity) => onChange(line.lineId, quantity)}
                  lessLabel={t("less")}
                  moreLabel={t("more")}
                  testIdPrefix="return"
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
