"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { formatMoney } from "@omni/core";
import { useTRPC } from "@omni/ui/trpc";

import type { Replacement } from "./exchange-picker";
import { useKiosk } from "./kiosk-session";
import { DoneLink, Screen } from "./screen";

/**
 * The end of a return at the kiosk: its number, the refund or (an exchange) what the shopper gets and
 * what is left to pay, then "hand the items in". While the shopper stands at the counter the screen
 * watches the return, and once the clerk has received it names the exchange order with its receipt.
 */
export function ReturnDone({
  created,
  email,
  replacements,
  exchanged,
}: {
  created: { returnNumber: string; refundMinor: number; currency: string; amountDueMinor?: number };
  email: string;
  replacements: (Replacement & { quantity: number })[];
  exchanged: boolean;
}) {
  const t = useTranslations("returns");
  const locale = useLocale();
  const trpc = useTRPC();
  const { kiosk } = useKiosk();
  const money = (minor: number) => formatMoney(minor, created.currency, locale);
  const ret = useQuery({
    ...trpc.returns.get.queryOptions({ returnNumber: created.returnNumber, email }),
    enabled: exchanged,
    refetchInterval: (query) => (query.state.data?.exchangeOrderNumber ? false : 4_000),
  });
  const exchangeOrder = ret.data?.exchangeOrderNumber;
  const due = created.amountDueMinor ?? 0;

  return (
    <Screen title={exchanged ? t("exchange.doneTitle") : t("doneTitle")} testId="return-confirmation">
      <div className="flex flex-col gap-4 rounded-3xl bg-emerald-50 p-10 ring-2 ring-emerald-300">
        <p className="text-3xl">{t("returnNumber")}</p>
        <p data-testid="return-number" className="font-mono text-7xl font-bold tracking-wider">
          {created.returnNumber}
        </p>
        {exchanged && (
          <ul data-testid="exchange-summary" className="flex flex-col gap-2 text-3xl">
            {replacements.map((r) => (
              <li key={`${r.sku}-${r.quantity}`}>
                {t("exchange.youGet", { item: `${r.productTitle} · ${r.variantTitle}`, quantity: r.quantity })}
              </li>
            ))}
          </ul>
        )}
        <p data-testid="return-money" className="text-3xl font-semibold">
          {due > 0
            ? t("exchange.due", { amount: money(due) })
            : created.refundMinor > 0 || !exchanged
              ? t("refund", { amount: money(created.refundMinor) })
              : t("exchange.even")}
        </p>
      </div>
      {exchangeOrder ? (
        <div className="flex flex-col gap-4 rounded-3xl bg-sky-50 p-8 ring-2 ring-sky-300" role="status">
          <p className="text-3xl">{t("exchange.orderIs")}</p>
          <p data-testid="exchange-order-number" className="font-mono text-6xl font-bold">
            {exchangeOrder}
          </p>
          <Link
            href={`/orders?number=${encodeURIComponent(exchangeOrder)}&email=${encodeURIComponent(email)}`}
            data-testid="exchange-receipt"
            className="flex min-h-20 items-center justify-center rounded-2xl bg-white text-3xl font-semibold ring-2 ring-inset ring-sky-400"
          >
            {t("exchange.receipt")}
          </Link>
        </div>
      ) : (
        <>
          <p data-testid="hand-to-counter" className="text-5xl font-bold leading-tight">
            {exchanged ? t("exchange.handToCounter") : t("handToCounter")}
          </p>
          {kiosk.pickupPoint && <p className="text-3xl text-slate-600">{kiosk.pickupPoint}</p>}
          {exchanged && (
            <p data-testid="exchange-waiting" className="text-2xl text-slate-600">
              {t("exchange.waiting")}
            </p>
          )}
        </>
      )}
      <DoneLink label={t("done")} />
    </Screen>
  );
}
