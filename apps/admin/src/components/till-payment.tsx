"use client";

import { bigChoice } from "@/components/cash-tendered";
import { inputClass, labelClass } from "@/components/page-header";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

export type TillMethod = "card" | "blik" | "cash";
export type TerminalResult = "tok_ok" | "tok_declined";

/**
 * How a counter takes money, on a touch screen: the card terminal (the test terminal's answer chosen
 * by the clerk), a BLIK code, or cash (the caller's `cash` field, with its change). Shared by a sale
 * of goods and a sale of a gift card.
 */
export function TillPayment({
  pay,
  onPay,
  cardResult,
  onCardResult,
  blik,
  onBlik,
  cash,
  testIdPrefix,
}: {
  pay: TillMethod;
  onPay: (method: TillMethod) => void;
  cardResult: TerminalResult;
  onCardResult: (result: TerminalResult) => void;
  blik: string;
  onBlik: (code: string) => void;
  /** What cash asks for (the amount handed over); nothing when change is not counted here. */
  cash?: ReactNode;
  testIdPrefix: string;
}) {
  const t = useTranslations("counter");
  return (
    <>
      <div className="grid grid-cols-3 gap-2">
        {(["card", "blik", "cash"] as const).map((p) => (
          <button
            key={p}
            type="button"
            className={bigChoice(pay === p)}
            aria-pressed={pay === p}
            onClick={() => onPay(p)}
            data-testid={`${testIdPrefix}-pay-${p}`}
          >
            {t(`pay.${p}`)}
          </button>
        ))}
      </div>
      {pay === "card" && (
        <label className={`${labelClass} mt-3`}>
          {t("terminal")}
          <select
            className={`${inputClass} min-h-12`}
            value={cardResult}
            onChange={(e) => onCardResult(e.target.value as TerminalResult)}
            data-testid={`${testIdPrefix}-card-result`}
          >
            <option value="tok_ok">{t("terminalOk")}</option>
            <option value="tok_declined">{t("terminalDeclined")}</option>
          </select>
        </label>
      )}
      {pay === "blik" && (
        <label className={`${labelClass} mt-3`}>
          {t("blikCode")}
          <input
            className={`${inputClass} min-h-12 font-mono text-xl tracking-widest`}
            inputMode="numeric"
            maxLength={7}
            value={blik}
            onChange={(e) => onBlik(e.target.value)}
            data-testid={`${testIdPrefix}-blik`}
          />
        </label>
      )}
      {pay === "cash" && cash}
    </>
  );
}
