"use client";

import { CounterPaymentFields, CounterPaymentTaken, useCounterPayment } from "@/components/counter-payment";
import { inputClass, Panel } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import type { AppRouter } from "@omni/api";
import { formatMoney, INPUT_LIMITS } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useLineTitle } from "@omni/ui/line-title";
import { OrderTimeline } from "@omni/ui/order-timeline";
import { StatusBadge } from "@omni/ui/status-badge";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

type FoundReturn = inferRouterOutputs<AppRouter>["returns"]["lookup"];
type Condition = "resellable" | "damaged";

/** Check each returned item as resellable (back on the shelf) or damaged (written off); the refund follows. */
export function ReceiveReturn({ found }: { found: FoundReturn }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("returns");
  const lineTitle = useLineTitle();
  const locale = useLocale();
  const { storeId, stores } = useStaff();
  const storeName = (id: string) => stores.find((s) => s.id === id)?.name ?? id;
  // A dearer exchange received at a store's counter: the shopper pays the difference here (a warehouse takes none).
  const atCounter = stores.find((s) => s.id === storeId)?.type === "store";
  const differenceMinor = found.exchange?.length && atCounter ? (found.amountDueMinor ?? 0) : 0;
  const counter = useCounterPayment(differenceMinor);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [conditions, setConditions] = useState<Record<string, Condition | undefined>>({});
  const [rejecting, setRejecting] = useState(false);
  const [rejectReason, setRejectReason] = useState("");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.returns.list.queryKey() });
  const receive = useMutation(trpc.returns.receive.mutationOptions({ onSuccess: refresh }));
  const reject = useMutation(trpc.returns.reject.mutationOptions({ onSuccess: refresh }));
  const money = (minor: number) => formatMoney(minor, found.currency, locale);
  const open = found.status === "requested";
  const allChecked = found.lines.every((l) => conditions[l.lineId]);

  if (receive.data) {
    return (
      <Panel className="border-emerald-300 bg-emerald-50" testId="receive-result">
        <h2 className="text-xl font-semibold text-emerald-900">
          {t("received", { number: receive.data.returnNumber })}
        </h2>
        <p className="mt-2 text-lg">
          {t("refundIssued")}{" "}
          <strong data-testid="refund-amount" data-refund-minor={receive.data.refundMinor}>
            {money(receive.data.refundMinor)}
          </strong>
          {found.refundTo === "store_credit" ? ` ${t("asStoreCredit")}` : ` ${t("toOriginal")}`}
        </p>
        {receive.data.differencePayment && (
          <CounterPaymentTaken payment={receive.data.differencePayment} money={money} testId="exchange-difference" />
        )}
        {receive.data.exchangeOrderNumber && (
          <p className="mt-2 text-lg" data-testid="exchange-order" data-order={receive.data.exchangeOrderNumber}>
            {t("exchangeOrder", { order: receive.data.exchangeOrderNumber })}
          </p>
        )}
        <StatusBadge status={receive.data.status} locale={locale} />
      </Panel>
    );
  }
  if (reject.data) {
    return (
      <Panel className="border-red-200 bg-red-50" testId="reject-result">
        <h2 className="text-xl font-semibold text-red-900">{t("rejected", { number: found.returnNumber })}</h2>
      </Panel>
    );
  }
  return (
    <Panel testId="return-detail">
      <div className="mb-3 flex items-start justify-between gap-3">
        <div>
          <p className="font-mono text-lg font-semibold">{found.returnNumber}</p>
          <p>
            {found.customerName} · <span className="text-slate-600">{found.email}</span>
          </p>
          <p className="text-sm text-slate-500">
            {t("order")} {found.orderNumber} · {t(`method.${found.method.type}`)} · {t(`refundTo.${found.refundTo}`)}
          </p>
        </div>
        <StatusBadge status={found.status} locale={locale} size="lg" />
      </div>
      {found.method.type === "in_store" && found.method.storeId !== storeId && open && (
        <p className="mb-3 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900">
          {t("otherStore", { store: storeName(found.method.storeId) })}
        </p>
      )}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {found.lines.map((line) => (
          <li
            key={line.lineId}
            className="flex flex-wrap items-center justify-between gap-3 px-3 py-2"
            data-testid={`return-line-${line.lineId}`}
          >
            <div>
              <p className="font-medium">
                {line.quantity}× {lineTitle(line)}
              </p>
              <p className="text-xs text-slate-500">
                <span className="font-mono">{line.sku}</span> · {t(`reason.${line.reason}`)} ·{" "}
                {money(line.quantity * line.unitPriceMinor)}
              </p>
            </div>
            {open ? (
              <div
                className="flex overflow-hidden rounded-md ring-1 ring-slate-300"
                role="radiogroup"
                aria-label={t("condition")}
                data-testid={`return-line-condition-${line.lineId}`}
              >
                {(["resellable", "damaged"] as const).map((c) => (
                  <label
                    key={c}
                    className={`cursor-pointer px-3 py-2 text-sm font-medium ${conditions[line.lineId] === c ? (c === "resellable" ? "bg-emerald-700 text-white" : "bg-red-700 text-white") : "bg-white hover:bg-slate-50"}`}
                  >
                    <input
                      type="radio"
                      className="sr-only"
                      name={`condition-${line.lineId}`}
                      value={c}
                      checked={conditions[line.lineId] === c}
                      onChange={() => setConditions({ ...conditions, [line.lineId]: c })}
                      data-testid={`return-line-${c}-${line.lineId}`}
                    />
                    {t(`conditions.${c}`)}
                  </label>
                ))}
              </div>
            ) : (
              line.condition && <span className="text-sm">{t(`conditions.${line.condition}`)}</span>
            )}
          </li>
        ))}
      </ul>
      {found.exchange && found.exchange.length > 0 && (
        <div className="mt-4" data-testid="exchange-lines">
          <h3 className="font-semibold">{t("exchangeTitle")}</h3>
          <ul className="mt-1 text-sm">
            {found.exchange.map((l) => (
              <li key={l.sku}>
                {l.quantity}× {lineTitle(l)} <span className="font-mono text-xs text-slate-500">{l.sku}</span> ·{" "}
                {money(l.quantity * l.unitPriceMinor)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {open && differenceMinor > 0 && (
        <CounterPaymentFields
          state={counter}
          title={t("differenceTitle", { amount: money(differenceMinor) })}
          money={money}
          testId="exchange-difference"
        />
      )}
      {open && (
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
          {differenceMinor > 0 ? (
            <p className="text-lg" data-testid="exchange-difference-due">
              {t("differenceDue", { amount: money(differenceMinor) })}
            </p>
          ) : (
            <p>
              {t("refundDue")} <strong>{money(found.refundMinor)}</strong>
            </p>
          )}
          <div className="flex gap-2">
            <Button
              variant="ghost"
              className="text-red-700!"
              onClick={() => setRejecting(true)}
              data-testid="reject-return"
            >
              {t("reject")}
            </Button>
            <Button
              size="lg"
              disabled={!allChecked || (differenceMinor > 0 && !counter.payment)}
              busy={receive.isPending}
              onClick={() =>
                receive.mutate({
                  returnNumber: found.returnNumber,
                  storeId,
                  lines: found.lines.map((l) => ({ lineId: l.lineId, condition: conditions[l.lineId]! })),
                  payment: counter.payment,
                })
              }
              data-testid="receive-submit"
            >
              {differenceMinor > 0 ? t("receiveAndExchange") : t("receive")}
            </Button>
          </div>
          {!allChecked && <p className="w-full text-sm text-slate-600">{t("checkEach")}</p>}
          {allChecked && differenceMinor > 0 && !counter.payment && (
            <p className="w-full text-sm text-slate-600">{t("takeDifferenceFirst")}</p>
          )}
        </div>
      )}
      {rejecting && open && (
        <form
          className="mt-3 flex flex-col gap-2 rounded-md bg-red-50 p-3"
          onSubmit={(e) => {
            e.preventDefault();
            reject.mutate({ returnNumber: found.returnNumber, storeId, reason: rejectReason });
          }}
        >
          <label className="text-sm font-medium text-red-900">
            {t("rejectQuestion")}
            <input
              className={`${inputClass} mt-1`}
              required
              maxLength={INPUT_LIMITS.reason}
              value={rejectReason}
              onChange={(e) => setRejectReason(e.target.value)}
              data-testid="reject-reason"
            />
          </label>
          <div className="flex gap-2">
            <Button type="submit" variant="danger" busy={reject.isPending} data-testid="reject-confirm">
              {t("rejectConfirm")}
            </Button>
            <Button variant="ghost" onClick={() => setRejecting(false)}>
              {t("keep")}
            </Button>
          </div>
        </form>
      )}
      {(receive.error ?? reject.error) && (
        <div className="mt-3">
          <ErrorMessage message={errorMessage(receive.error ?? reject.error)} />
        </div>
      )}
      {found.events.length > 0 && (
        <div className="mt-5 border-t border-slate-200 pt-4">
          <OrderTimeline events={found.events} locale={locale} />
        </div>
      )}
    </Panel>
  );
}
