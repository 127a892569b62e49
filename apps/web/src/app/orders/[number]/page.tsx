import { auth } from "@/auth";
import { OrderLookupForm } from "@/components/order-lookup-form";
import { ReviewForm } from "@/components/review-form";
import { isNotFound, serverErrorMessage } from "@/lib/trpc-errors";
import { serverApi } from "@/server/api";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { formatMoney, isOrderCompleted, isOrderDone } from "@omni/core";
import { ErrorMessage } from "@omni/ui/error-message";
import { formatDateTime } from "@omni/ui/labels";
import { lineNameIn } from "@omni/ui/line-title";
import { OrderTimeline } from "@omni/ui/order-timeline";
import { PickupCodeCard } from "@omni/ui/pickup-code-card";
import { PickupPromise } from "@omni/ui/pickup-promise";
import { ProductImage } from "@omni/ui/product-image";
import { StatusBadge } from "@omni/ui/status-badge";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ email?: string; placed?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("order");
  return { title: t("title", { number: decodeURIComponent((await params).number) }), robots: { index: false } };
}

class OrderNeedsEmail extends Error {}

/** The order page: works for a guest with the order's e-mail in the link, and for its signed-in owner. */
export default async function OrderPage({ params, searchParams }: Props) {
  const [t, locale, api] = await Promise.all([getTranslations("order"), getLocale(), serverApi()]);
  const orderNumber = decodeURIComponent((await params).number).slice(0, 64);
  const { email, placed } = await searchParams;
  const mail = typeof email === "string" && email.trim() ? email.trim().slice(0, 320) : undefined;
  let order;
  try {
    // A guest without the e-mail is asked for it here, in the page's language, before any look-up.
    if (!mail && !(await auth())?.user) throw new OrderNeedsEmail();
    order = await api.orders.get({ orderNumber, email: mail });
  } catch (error) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">{t("lookupTitle")}</h1>
        {mail || !(isNotFound(error) || error instanceof OrderNeedsEmail) ? (
          <ErrorMessage message={serverErrorMessage(error)} locale={locale} />
        ) : (
          <p className="text-slate-700">{t("needEmail")}</p>
        )}
        <OrderLookupForm orderNumber={orderNumber} email={mail} />
      </div>
    );
  }
  const returnLink = `/returns/new?order=${encodeURIComponent(order.orderNumber)}&email=${encodeURIComponent(order.email)}`;
  // Lines declined at the counter are refunded at once; the page says how much came back.
  const declinedMinor = order.lines.reduce((sum, line) => sum + line.declinedQuantity * line.unitPriceMinor, 0);
  const returnable = isOrderCompleted(order.status);
  // One rating per product of the order, for what the shopper kept (declined lines are not theirs to rate).
  const tr = await getTranslations("engagement");
  const reviewable = order.lines
    .filter((line): line is typeof line & { slug: string } => !!line.slug)
    .filter((line) => line.declinedQuantity < line.quantity)
    .filter((line, i, all) => all.findIndex((other) => other.slug === line.slug) === i);
  return (
    <div className="space-y-6">
      {placed === "1" && (
        <p
          role="status"
          data-testid="order-placed"
          className="rounded-xl bg-emerald-50 px-4 py-3 font-semibold text-emerald-900"
        >
          {t("thanks", { email: order.email })}
        </p>
      )}
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">{t("order")}</p>
          <h1 className="font-mono text-2xl font-bold" data-testid="order-number">
            {order.orderNumber}
          </h1>
          <p className="text-sm text-slate-600">{formatDateTime(order.createdAt, locale)}</p>
        </div>
        <StatusBadge status={order.status} locale={locale} size="lg" />
      </header>

      {order.fulfillment.type === "pickup" && order.readyBy && ["placed", "picking"].includes(order.status) && (
        <PickupPromise
          promise={{ sourcing: "ship_to_store", readyBy: order.readyBy }}
          locale={locale}
          className="text-base"
        />
      )}
      {order.fulfillment.type === "pickup" && order.pickupCode && !isOrderDone(order.status) && (
        <PickupCodeCard
          code={order.pickupCode}
          locale={locale}
          store={order.store}
          note={
            order.status === "ready_for_pickup"
              ? t("readyNote", { point: order.store?.pickupPoint ?? "" })
              : t("notReadyNote")
          }
        />
      )}
      {order.fulfillment.type === "pickup" && order.pickupDeadline && order.status === "ready_for_pickup" && (
        <p className="font-medium text-amber-900">
          {t("collectBy", { when: formatDateTime(order.pickupDeadline, locale) })}
        </p>
      )}
      {order.paymentStatus === "pending" && order.paymentRedirectUrl && (
        <p role="status" className="rounded-xl bg-amber-50 px-4 py-3 text-amber-900" data-testid="payment-pending">
          {t("paymentPending")}{" "}
          <a href={order.paymentRedirectUrl} className="font-semibold underline">
            {t("payNow")}
          </a>
        </p>
      )}
      {order.shipment && (
        <section className="rounded-xl border border-slate-200 p-4" data-testid="tracking">
          <h2 className="text-lg font-semibold">{t("tracking")}</h2>
          <p className="text-slate-700">
            {t("trackingNumber")}:{" "}
            <a href={order.shipment.trackingUrl} className="font-mono underline" data-testid="tracking-number">
              {order.shipment.trackingNumber}
            </a>
          </p>
          <p className="font-medium" data-testid="tracking-status">
            {t(`shipment_${order.shipment.status}`)}
          </p>
        </section>
      )}
      {order.fulfillment.type !== "pickup" && order.fulfillment.address && (
        <section>
          <h2 className="text-lg font-semibold">
            {order.fulfillment.type === "locker" ? t("lockerTo") : t("deliveryTo")}
          </h2>
          <p className="text-slate-700">
            {order.name}, {order.fulfillment.address.line1}, {order.fulfillment.address.postalCode}{" "}
            {order.fulfillment.address.city}, {order.fulfillment.address.country}
          </p>
        </section>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        <section className="space-y-3">
          <h2 className="text-lg font-semibold">{t("items")}</h2>
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
            {order.lines.map((line) => (
              <li key={line.lineId} data-testid="order-line" data-sku={line.sku} className="flex gap-3 p-3">
                <div className="w-14 shrink-0 overflow-hidden rounded">
                  <ProductImage title={lineNameIn(locale, line).product} hue={line.imageHue} />
                </div>
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{lineNameIn(locale, line).product}</p>
                  <p className="text-sm text-slate-600">
                    {lineNameIn(locale, line).variant} · {line.quantity} ×{" "}
                    {formatMoney(line.unitPriceMinor, order.currency, locale)}
                  </p>
                  {line.declinedQuantity > 0 && (
                    <p className="text-sm text-amber-900" data-testid="declined-line">
                      {t("declined", {
                        count: line.declinedQuantity,
                        amount: formatMoney(line.declinedQuantity * line.unitPriceMinor, order.currency, locale),
                      })}
                    </p>
                  )}
                </div>
                <p className="font-semibold">{formatMoney(line.totalMinor, order.currency, locale)}</p>
              </li>
            ))}
          </ul>
          <dl className="space-y-1">
            {order.discountMinor > 0 && (
              <div className="flex justify-between text-red-700">
                <dt>{t("discount")}</dt>
                <dd>−{formatMoney(order.discountMinor, order.currency, locale)}</dd>
              </div>
            )}
            {order.storeCreditMinor > 0 && (
              <div className="flex justify-between">
                <dt>{t("credit")}</dt>
                <dd>−{formatMoney(order.storeCreditMinor, order.currency, locale)}</dd>
              </div>
            )}
            {declinedMinor > 0 && (
              <div className="flex justify-between text-emerald-800" data-testid="declined-refund">
                <dt>{t("declinedRefund")}</dt>
                <dd>{formatMoney(declinedMinor, order.currency, locale)}</dd>
              </div>
            )}
            {order.fulfillment.type !== "pickup" && (
              <div className="flex justify-between">
                <dt>{t("shipping")}</dt>
                <dd data-testid="order-shipping">{formatMoney(order.shippingMinor, order.currency, locale)}</dd>
              </div>
            )}
            <div className="flex justify-between text-lg font-bold">
              <dt>{t("total")}</dt>
              <dd data-testid="order-total">{formatMoney(order.totalMinor, order.currency, locale)}</dd>
            </div>
            <div className="flex justify-between text-sm text-slate-700">
              <dt>{t("payment")}</dt>
              <dd>
                {order.paymentMethod === "pay_in_store"
                  ? t("payInStore", {
                      amount: formatMoney(
                        order.totalMinor - order.storeCreditMinor - order.paidMinor,
                        order.currency,
                        locale,
                      ),
                    })
                  : t("paid", { amount: formatMoney(order.paidMinor, order.currency, locale) })}
              </dd>
            </div>
            {order.taxes.map((tax) => (
              <div key={tax.rate} className="flex justify-between text-sm text-slate-600" data-testid="order-vat">
                <dt>{t("vat", { rate: tax.rate })}</dt>
                <dd>{formatMoney(tax.vatMinor, order.currency, locale)}</dd>
              </div>
            ))}
          </dl>
          {returnable && (
            <a
              href={`/orders/${encodeURIComponent(order.orderNumber)}/receipt?email=${encodeURIComponent(order.email)}`}
              data-testid="receipt-pdf"
              className="mr-2 inline-flex min-h-11 items-center rounded-lg px-4 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
            >
              {order.invoice ? t("invoicePdf") : t("receiptPdf")}
            </a>
          )}
          {returnable ? (
            <Link
              href={returnLink}
              data-testid="return-items"
              className="inline-flex min-h-11 items-center rounded-lg px-4 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
            >
              {t("returnItems")}
            </Link>
          ) : (
            <p className="text-sm text-slate-600">
              {t("returnLater")}{" "}
              <Link href={returnLink} className="underline">
                {t("returnCheck")}
              </Link>
            </p>
          )}
        </section>
        <OrderTimeline events={order.events} locale={locale} title={t("history")} />
      </div>
      {returnable && reviewable.length > 0 && (
        <section id="rate" data-testid="rate-products" className="space-y-4 rounded-xl border border-slate-200 p-4">
          <h2 className="text-lg font-semibold">{tr("rateTitle")}</h2>
          {reviewable.map((line) => (
            <ReviewForm
              key={line.slug}
              orderNumber={order.orderNumber}
              email={order.email}
              slug={line.slug}
              title={lineNameIn(locale, line).product}
            />
          ))}
        </section>
      )}
    </div>
  );
}
