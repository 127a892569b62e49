"use client";

import { useContract } from "@/lib/contract";
import { useFriendlyError } from "@/lib/friendly-error";
import { useMutation } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import type { AppRouter } from "@omni/api";
import { formatMoney, INPUT_LIMITS, isOrderCompleted } from "@omni/core";
import { lineNameIn } from "@omni/ui/line-title";
import { StatusBadge } from "@omni/ui/status-badge";

import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { Screen } from "./screen";
import { TouchForm } from "./touch-form";

type Order = inferRouterOutputs<AppRouter>["orders"]["get"];

/**
 * Where is my order: any order from any channel, looked up by its number and e-mail. Shows the
 * parcel's tracking, the VAT in the total and, once the order is complete, its receipt or invoice.
 */
export function OrderTrackingScreen({ number, email }: { number?: string; email?: string }) {
  const t = useTranslations("orders");
  const friendly = useFriendlyError();
  const contract = useContract();
  const { shopper } = useKiosk();
  const [values, setValues] = useState<Record<string, string>>({
    number: number ?? "",
    email: email ?? shopper?.email ?? "",
  });
  const lookUp = useMutation({
    mutationFn: async (input: { orderNumber: string; email: string }) => ({
      order: await contract.orders.get.query(input),
      email: input.email,
    }),
  });
  const { mutate } = lookUp;
  // Arriving from the confirmation of an order placed here: show it at once.
  useEffect(() => {
    if (number && email) mutate({ orderNumber: number, email });
  }, [number, email, mutate]);

  if (lookUp.data) return <OrderStatus order={lookUp.data.order} email={lookUp.data.email} onBack={lookUp.reset} />;
  return (
    <Screen title={t("title")} help={t("help")} testId="orders-screen">
      <TouchForm
        fields={[
          { name: "number", label: t("number"), kind: "code", testId: "order-lookup-number", maxLength: 64 },
          {
            name: "email",
            label: t("email"),
            kind: "email",
            testId: "order-lookup-email",
            maxLength: INPUT_LIMITS.email,
          },
        ]}
        values={values}
        onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        onSubmit={() =>
          lookUp.mutate({ orderNumber: (values.number ?? "").trim(), email: (values.email ?? "").trim() })
        }
        submitLabel={t("find")}
        submitTestId="order-lookup-submit"
        busy={lookUp.isPending}
      >
        {lookUp.error && <KioskError message={friendly(lookUp.error, "order")} testId="order-lookup-error" />}
      </TouchForm>
    </Screen>
  );
}

function OrderStatus({ order, email, onBack }: { order: Order; email: string; onBack: () => void }) {
  const t = useTranslations("orders");
  const locale = useLocale();
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const [showReceipt, setShowReceipt] = useState(false);
  const receiptHref = `/orders/${encodeURIComponent(order.orderNumber)}/receipt?email=${encodeURIComponent(email)}`;
  return (
    <Screen title={t("order", { number: order.orderNumber })} testId="order-status">
      <div className="flex items-center gap-4">
        <StatusBadge status={order.status} locale={locale} size="lg" />
      </div>
      {order.shipment ? (
        <section className="rounded-3xl p-6 text-3xl ring-2 ring-slate-200" data-testid="tracking">
          <h2 className="mb-2 font-semibold">{t("tracking")}</h2>
          <p>
            {t("trackingNumber")}:{" "}
            <span className="font-mono" data-testid="tracking-number">
              {order.shipment.trackingNumber}
            </span>
          </p>
          <p className="mt-2 font-medium" data-testid="tracking-status">
            {t(`shipment_${order.shipment.status}`)}
          </p>
        </section>
      ) : (
        order.fulfillment.type !== "pickup" && <p className="text-3xl text-slate-700">{t("notShippedYet")}</p>
      )}
      {order.fulfillment.type !== "pickup" && order.fulfillment.address && (
        <p className="text-2xl text-slate-700" data-testid="ship-to">
          {order.fulfillment.type === "locker" ? t("lockerTo") : t("deliveryTo")}: {order.fulfillment.address.line1},{" "}
          {order.fulfillment.address.postalCode} {order.fulfillment.address.city}
        </p>
      )}
      <ul className="divide-y divide-slate-200 rounded-3xl text-2xl ring-2 ring-slate-200">
        {order.lines.map((l) => (
          <li key={l.lineId} className="flex justify-between gap-4 px-6 py-4">
            <span>
              {lineNameIn(locale, l).product} <span className="text-slate-500">{lineNameIn(locale, l).variant}</span> ×{" "}
              {l.quantity}
            </span>
            <span>{money(l.totalMinor)}</span>
          </li>
        ))}
      </ul>
      <dl className="space-y-2 text-2xl">
        {order.fulfillment.type !== "pickup" && (
          <div className="flex justify-between">
            <dt>{t("shipping")}</dt>
            <dd data-testid="order-shipping">{money(order.shippingMinor)}</dd>
          </div>
        )}
        <div className="flex justify-between text-3xl font-bold">
          <dt>{t("total")}</dt>
          <dd data-testid="order-total">{money(order.totalMinor)}</dd>
        </div>
        {order.taxes.map((tax) => (
          <div key={tax.rate} className="flex justify-between text-slate-600" data-testid="order-vat">
            <dt>{t("vat", { rate: tax.rate })}</dt>
            <dd>{money(tax.vatMinor)}</dd>
          </div>
        ))}
      </dl>
      {isOrderCompleted(order.status) && (
        <button
          type="button"
          onClick={() => setShowReceipt((shown) => !shown)}
          aria-expanded={showReceipt}
          data-testid="receipt-pdf"
          className="min-h-20 rounded-2xl text-3xl font-semibold ring-2 ring-inset ring-slate-300"
        >
          {order.invoice ? t("invoicePdf") : t("receiptPdf")}
        </button>
      )}
      {/* Shown on this screen, not in a new tab: a kiosk has no tabs to come back from. */}
      {showReceipt && (
        <iframe
          src={receiptHref}
          title={order.invoice ? t("invoicePdf") : t("receiptPdf")}
          data-testid="receipt-frame"
          className="h-[1100px] w-full rounded-2xl ring-2 ring-slate-200"
        />
      )}
      <button
        type="button"
        onClick={onBack}
        className="min-h-20 rounded-2xl text-3xl ring-2 ring-inset ring-slate-300"
        data-testid="order-another"
      >
        {t("another")}
      </button>
    </Screen>
  );
}
