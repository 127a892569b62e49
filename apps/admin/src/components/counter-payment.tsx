"use client";

import { bigChoice, CashTendered } from "@/components/cash-tendered";
import { parseMoney } from "@/lib/money-input";
import { useTranslations } from "next-intl";
import { useState } from "react";

import type { HandoverPayment } from "@omni/core";

/**
 * Money taken at a counter (a pay-in-store order's handover, a dearer exchange's difference): the clerk picks
 * card or cash and types the cash given. `payment` is what the procedure takes, undefined until it covers `dueMinor`.
 */
export function useCounterPayment(dueMinor: number) {
  const [pay, setPay] = useState<"card" | "cash" | null>(null);
  const [cashGiven, setCashGiven] = useState("");
  const givenMinor = parseMoney(cashGiven);
  const changeMinor = pay === "cash" && givenMinor !== null ? givenMinor - dueMinor : null;
  const payment: HandoverPayment | undefined =
    dueMinor === 0
      ? undefined
      : pay === "card"
        ? { method: "card" }
        : pay === "cash" && givenMinor !== null && givenMinor >= dueMinor
          ? { method: "cash", tenderedMinor: givenMinor }
          : undefined;
  return { pay, setPay, cashGiven, setCashGiven, changeMinor, payment };
}

/** The card/cash choice and the cash given with its change, for a counter's touch screen. */
export function CounterPaymentFields({
  state,
  title,
  money,
  testId,
}: {
  state: ReturnType<typeof useCounterPayment>;
  title: string;
  money: (minor: number) => string;
  testId: string;
}) {
  const t = useTranslations("collect");
  return (
    <fieldset className="mt-4 border-t border-slate-200 pt-4" data-testid={`${testId}-payment`}>
      <legend className="pt-4 text-lg font-semibold">{title}</legend>
      <div className="mt-2 grid max-w-md grid-cols-2 gap-2">
        {(["card", "cash"] as const).map((method) => (
          <button
            key={method}
            type="button"
            className={bigChoice(state.pay === method)}
            aria-pressed={state.pay === method}
            onClick={() => state.setPay(method)}
            data-testid={`${testId}-pay-${method}`}
          >
            {t(method === "card" ? "payCard" : "payCash")}
          </button>
        ))}
      </div>
      {state.pay === "cash" && (
        <div className="max-w-md">
          <CashTendered
            value={state.cashGiven}
            onChange={state.setCashGiven}
            changeMinor={state.changeMinor}
            money={money}
            testId={`${testId}-cash-given`}
          />
        </div>
      )}
    </fieldset>
  );
}

/** What was taken, and the change to hand back, once the counter recorded it. */
export function CounterPaymentTaken({
  payment,
  money,
  testId,
}: {
  payment: { method: "cash" | "card"; amountMinor: number; changeMinor?: number };
  money: (minor: number) => string;
  testId: string;
}) {
  const t = useTranslations("collect");
  return (
    <p className="mt-3 text-lg" data-testid={`${testId}-paid`}>
      {t(payment.method === "cash" ? "paidCash" : "paidCard", { amount: money(payment.amountMinor) })}
      {payment.changeMinor !== undefined && (
        <strong className="block text-2xl" data-testid={`${testId}-change`}>
          {t("giveChange", { amount: money(payment.changeMinor) })}
        </strong>
      )}
    </p>
  );
}
