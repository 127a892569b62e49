"use client";

import { CodeLookup } from "@/components/code-lookup";
import { PageHeader, Panel, tableClass } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { openPdf } from "@/lib/open-pdf";
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import type { AppRouter } from "@omni/api";
import { formatMoney, isOrderCompleted } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { lineNameIn } from "@omni/ui/line-title";
import { StatusBadge } from "@omni/ui/status-badge";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

type Order = inferRouterOutputs<AppRouter>["orders"]["get"];

/**
 * Any order of the staff member's stores, from any channel, by its number: its lines, delivery and
 * tracking, the VAT in its total, and the receipt or invoice PDF once it is complete.
 */
export function OrderLookup() {
  const t = useTranslations("orders");
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const [orderNumber, setOrderNumber] = useState<string | null>(null);
  const order = useQuery({
    ...trpc.orders.get.queryOptions({ orderNumber: orderNumber ?? "" }),
    enabled: !!orderNumber,
    retry: false,
  });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-5">
        <CodeLookup
          value={typed}
          onChange={setTyped}
          onFind={(code) => setOrderNumber(code.toUpperCase())}
          label={t("number")}
          buttonLabel={t("find")}
          busy={order.isFetching}
          testIds={{ input: "order-lookup-number", submit: "order-lookup-submit", scan: "order-lookup-scan" }}
        />
      </div>
      {orderNumber && (order.data ? <OrderDetails order={order.data} /> : <QueryState query={order} />)}
    </>
  );
}

function OrderDetails({ order }: { order: Order }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("orders");
  const locale = useLocale();
  const trpc = useTRPC();
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const receipt = useMutation(trpc.orders.receipt.mutationOptions({ onSuccess: openPdf }));
  return (
    <div className="grid grid-cols-3 gap-4 max-lg:grid-cols-1" data-testid="order-details">
      <Panel title={t("order", { number: order.orderNumber })} className="col-span-2">
        <div className="mb-3 flex flex-wrap items-center gap-3 text-sm text-slate-700">
          <StatusBadge status={order.status} locale={locale} />
          <span>{t(`channel_${order.channel}`)}</span>
          <span>
            {order.name} · {order.email}
          </span>
        </div>
        <table className={tableClass}>
          <thead>
            <tr>
              <th>{t("item")}</th>
              <th className="text-right">{t("quantity")}</th>
              <th className="text-right">VAT</th>
              <th className="text-right">{t("value")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {order.lines.map((l) => (
              <tr key={l.lineId}>
                <td>
                  {lineNameIn(locale, l).product}{" "}
                  <span className="text-slate-500">{lineNameIn(locale, l).variant}</span>
                  <span className="block font-mono text-xs text-slate-500">{l.sku}</span>
                </td>
                <td className="text-right">
                  {l.quantity - l.declinedQuantity}
                  {l.declinedQuantity > 0 && ` (−${l.declinedQuantity})`}
                </td>
                <td className="text-right">{l.vatRate}%</td>
                <td className="text-right">{money(l.totalMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Panel>
      <Panel title={t("summary")}>
        <dl className="space-y-1 text-sm">
          {order.shippingMinor > 0 && (
            <div className="flex justify-between">
              <dt>{t("shipping")}</dt>
              <dd>{money(order.shippingMinor)}</dd>
            </div>
          )}
          <div className="flex justify-between text-base font-semibold">
            <dt>{t("total")}</dt>
            <dd data-testid="order-total">{money(order.totalMinor)}</dd>
          </div>
          {order.taxes.map((tax) => (
            <div key={tax.rate} className="flex justify-between text-slate-600" data-testid="order-vat">
              <dt>{t("vat", { rate: tax.rate })}</dt>
              <dd>{money(tax.vatMinor)}</dd>
            </div>
          ))}
          {order.invoice && (
            <div className="flex justify-between" data-testid="order-invoice">
              <dt>{t("invoiceFor")}</dt>
              <dd>
                {order.invoice.companyName}, NIP {order.invoice.nip}
              </dd>
            </div>
          )}
        </dl>
        {order.shipment && (
          <p className="mt-3 text-sm" data-testid="order-tracking">
            {t("tracking")}: <span className="font-mono">{order.shipment.trackingNumber}</span> ·{" "}
            {t(`shipment_${order.shipment.status}`)}
          </p>
        )}
        <div className="mt-4">
          {isOrderCompleted(order.status) ? (
            <Button
              variant="secondary"
              busy={receipt.isPending}
              onClick={() => receipt.mutate({ orderNumber: order.orderNumber })}
              data-testid="receipt-pdf"
            >
              {order.invoice ? t("invoicePdf") : t("receiptPdf")}
            </Button>
          ) : (
            <p className="text-sm text-slate-600">{t("receiptLater")}</p>
          )}
          {receipt.error && <ErrorMessage message={errorMessage(receipt.error)} locale={locale} />}
        </div>
      </Panel>
    </div>
  );
}
