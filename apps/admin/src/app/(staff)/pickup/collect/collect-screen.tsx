"use client";

import { CodeLookup } from "@/components/code-lookup";
import { CounterPaymentFields, CounterPaymentTaken, useCounterPayment } from "@/components/counter-payment";
import { PageHeader, Panel, tableClass } from "@/components/page-header";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import type { AppRouter } from "@omni/api";
import { dueAtHandover, formatMoney } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useLineTitle } from "@omni/ui/line-title";
import { Spinner } from "@omni/ui/spinner";
import { StatusBadge } from "@omni/ui/status-badge";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/**
 * Counter handover: find the order by its pickup code, mark lines the shopper declines, hand over.
 * Opened from a queue card, it names that order; the shopper's code is still what unlocks it.
 */
export function CollectScreen({ expectedOrder }: { expectedOrder: string | null }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("collect");
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const [code, setCode] = useState<string | null>(null);
  const order = useQuery({
    ...trpc.pickup.get.queryOptions({ code: code ?? "" }),
    enabled: code !== null,
    retry: false,
  });
  const find = (value: string) => {
    const clean = value.trim();
    if (!clean) return;
    setTyped(clean);
    setCode(clean);
  };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {expectedOrder && (
        <p className="mb-3 rounded-md bg-sky-50 px-4 py-3 text-sky-950" data-testid="collect-expected">
          {t("expected", { order: expectedOrder })}
        </p>
      )}
      {expectedOrder && order.data && order.data.orderNumber !== expectedOrder && (
        <p className="mb-3 rounded-md bg-amber-50 px-4 py-3 text-amber-900" data-testid="collect-other-order">
          {t("otherOrder", { found: order.data.orderNumber, expected: expectedOrder })}
        </p>
      )}
      <Panel className="mb-5">
        <CodeLookup
          value={typed}
          onChange={setTyped}
          onFind={find}
          label={t("code")}
          buttonLabel={t("find")}
          size="lg"
          testIds={{ input: "collect-code-input", submit: "collect-find", scan: "collect-scan" }}
        />
      </Panel>
      {code !== null &&
        (order.isPending ? (
          <Spinner />
        ) : order.isError ? (
          <ErrorMessage message={errorMessage(order.error)} />
        ) : (
          <Handover
            order={order.data}
            code={code}
            key={`${order.data.orderNumber}-${order.dataUpdatedAt}`}
            onDone={() => setTyped("")}
          />
        ))}
    </>
  );
}

type PickupOrder = inferRouterOutputs<AppRouter>["pickup"]["get"];

function Handover({ order, code, onDone }: { order: PickupOrder; code: string; onDone: () => void }) {
  const lineTitle = useLineTitle();
  const errorMessage = useErrorMessage();
  const t = useTranslations("collect");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [declined, setDeclined] = useState<string[]>([]);
  const collect = useMutation(
    trpc.pickup.collect.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.fulfillment.queue.queryKey() });
        onDone();
      },
    }),
  );
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const keptLines = order.lines.filter((l) => !declined.includes(l.lineId));
  const dueMinor = order.paymentMethod === "pay_in_store" ? dueAtHandover(order, keptLines) : 0;
  const counter = useCounterPayment(dueMinor);
  const payment = counter.payment;
  const declinedValue = order.lines
    .filter((l) => declined.includes(l.lineId))
    .reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);

  if (collect.data) {
    const done = collect.data;
    const gone = done.lines.filter((l) => l.declinedQuantity > 0);
    return (
      <Panel testId="collect-confirmation" className="border-emerald-300 bg-emerald-50">
        <h2 className="text-xl font-semibold text-emerald-900">{t("collected", { order: done.orderNumber })}</h2>
        <div className="mt-2">
          <StatusBadge status={done.status} locale={locale} />
        </div>
        {done.handoverPayment && <CounterPaymentTaken payment={done.handoverPayment} money={money} testId="collect" />}
        {gone.length > 0 && (
          <p className="mt-2" data-testid="declined-summary">
            {t("declinedSummary", { count: gone.length })} {done.paymentMethod !== "pay_in_store" && t("refunded")}
          </p>
        )}
      </Panel>
    );
  }

  const collectable = order.status === "ready_for_pickup";
  return (
    <Panel testId="collect-order">
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-mono text-lg font-semibold" data-testid="collect-order-number">
            {order.orderNumber}
          </p>
          <p>
            {order.name} · <span className="text-slate-600">{order.email}</span>
            {order.phone && <span className="text-slate-600"> · {order.phone}</span>}
          </p>
          {order.pickupDeadline && (
            <p className="text-sm text-slate-500">
              {t("deadline", { date: format.dateTime(new Date(order.pickupDeadline), { dateStyle: "medium" }) })}
            </p>
          )}
        </div>
        <StatusBadge status={order.status} locale={locale} size="lg" />
      </div>
      {!collectable && (
        <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-amber-900" data-testid="not-ready">
          {t(order.status === "collected" ? "alreadyCollected" : "notReady")}
        </p>
      )}
      <table className={tableClass}>
        <thead className="border-b border-slate-200">
          <tr>
            <th>{t("item")}</th>
            <th className="text-right">{t("quantity")}</th>
            <th className="text-right">{t("price")}</th>
            <th className="text-center">{t("declines")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {order.lines.map((line) => {
            const isDeclined = declined.includes(line.lineId);
            return (
              <tr
                key={line.lineId}
                className={isDeclined ? "bg-red-50 text-slate-500 line-through" : ""}
                data-testid={`collect-line-${line.lineId}`}
              >
                <td>
                  {lineTitle(line)}
                  <span className="block font-mono text-xs text-slate-500 no-underline">{line.sku}</span>
                </td>
                <td className="text-right">{line.quantity}</td>
                <td className="text-right whitespace-nowrap">{money(line.quantity * line.unitPriceMinor)}</td>
                <td className="text-center">
                  <input
                    type="checkbox"
                    className="h-5 w-5 accent-red-700"
                    checked={isDeclined}
                    disabled={!collectable}
                    onChange={(e) =>
                      setDeclined(
                        e.target.checked ? [...declined, line.lineId] : declined.filter((id) => id !== line.lineId),
                      )
                    }
                    aria-label={t("declineLine", { item: lineTitle(line) })}
                    data-testid={`decline-line-${line.lineId}`}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {collectable && dueMinor > 0 && (
        <CounterPaymentFields state={counter} title={t("takePaymentTitle")} money={money} testId="collect" />
      )}
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 border-t border-slate-200 pt-4">
        <div className="text-sm">
          {order.paymentMethod === "pay_in_store" ? (
            <p className="text-lg" data-testid="collect-due">
              {t("toPay", { amount: money(dueMinor) })}
            </p>
          ) : (
            <p>{t("paidOnline")}</p>
          )}
          {declined.length > 0 && (
            <p className="text-red-800">{t("declinedValue", { amount: money(declinedValue) })}</p>
          )}
        </div>
        <Button
          size="lg"
          disabled={!collectable || declined.length === order.lines.length || (dueMinor > 0 && !payment)}
          busy={collect.isPending}
          onClick={() => collect.mutate({ code, declineLineIds: declined.length ? declined : undefined, payment })}
          data-testid="collect-submit"
        >
          {declined.length ? t("handOverSome", { count: order.lines.length - declined.length }) : t("handOver")}
        </Button>
      </div>
      {declined.length === order.lines.length && <p className="mt-2 text-sm text-slate-600">{t("allDeclined")}</p>}
      {collect.isError && (
        <div className="mt-3">
          <ErrorMessage message={errorMessage(collect.error)} />
        </div>
      )}
    </Panel>
  );
}
