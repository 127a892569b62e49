import { ReturnSlip } from "@/components/return-slip";
import { serverErrorMessage } from "@/lib/trpc-errors";
import { serverApi } from "@/server/api";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { formatMoney } from "@omni/core";
import { ErrorMessage } from "@omni/ui/error-message";
import { formatDateTime } from "@omni/ui/labels";
import { lineTitleIn } from "@omni/ui/line-title";
import { OrderTimeline } from "@omni/ui/order-timeline";
import { StatusBadge } from "@omni/ui/status-badge";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ email?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return {
    title: (await getTranslations("returns"))("statusTitle", { number: decodeURIComponent((await params).number) }),
    robots: { index: false },
  };
}

export default async function ReturnPage({ params, searchParams }: Props) {
  const [t, locale, api] = await Promise.all([getTranslations("returns"), getLocale(), serverApi()]);
  const returnNumber = decodeURIComponent((await params).number).slice(0, 64);
  const { email } = await searchParams;
  const mail = typeof email === "string" && email.trim() ? email.trim().slice(0, 320) : undefined;
  let ret;
  try {
    ret = await api.returns.get({ returnNumber, email: mail });
  } catch (error) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">{t("statusTitle", { number: returnNumber })}</h1>
        <ErrorMessage message={serverErrorMessage(error)} locale={locale} />
        {!mail && <p className="text-slate-700">{t("needEmail")}</p>}
      </div>
    );
  }
  const stores = await api.stores.list();
  const storeName = (id: string | null) => stores.find((s) => s.id === id)?.name ?? id ?? "";
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-slate-600">{t("number")}</p>
          <h1 className="font-mono text-2xl font-bold" data-testid="return-number">
            {ret.returnNumber}
          </h1>
          <p className="text-sm text-slate-600">
            {formatDateTime(ret.createdAt, locale)} ·{" "}
            <Link
              href={`/orders/${encodeURIComponent(ret.orderNumber)}${mail ? `?email=${encodeURIComponent(mail)}` : ""}`}
              className="underline"
            >
              {t("slipOrder", { number: ret.orderNumber })}
            </Link>
          </p>
        </div>
        <StatusBadge status={ret.status} locale={locale} size="lg" />
      </header>
      <dl className="grid gap-3 sm:grid-cols-3">
        <div className="rounded-xl border border-slate-200 p-3">
          <dt className="text-sm text-slate-600">{t("refund")}</dt>
          <dd className="text-xl font-bold" data-testid="return-refund">
            {formatMoney(ret.refundMinor, ret.currency, locale)}
          </dd>
          <dd className="text-sm text-slate-600">
            {ret.refundTo === "store_credit" ? t("toCredit") : t("toOriginal")}
          </dd>
        </div>
        <div className="rounded-xl border border-slate-200 p-3">
          <dt className="text-sm text-slate-600">{t("method")}</dt>
          <dd className="font-semibold">
            {ret.method.type === "mail" ? t("mail") : `${t("inStore")}: ${storeName(ret.method.storeId)}`}
          </dd>
        </div>
        {ret.refundedAt && (
          <div className="rounded-xl border border-slate-200 p-3">
            <dt className="text-sm text-slate-600">{t("refundedAt")}</dt>
            <dd className="font-semibold">{formatDateTime(ret.refundedAt, locale)}</dd>
          </div>
        )}
      </dl>
      <div className="grid gap-6 md:grid-cols-2">
        <section>
          <h2 className="text-lg font-semibold">{t("items")}</h2>
          <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-200">
            {ret.lines.map((line) => (
              <li key={line.lineId} className="flex justify-between gap-3 p-3" data-testid="return-line">
                <span>
                  {line.quantity} × {lineTitleIn(locale, line)}
                  <span className="block text-sm text-slate-600">{t(`reason_${line.reason}`)}</span>
                </span>
                <span>{formatMoney(line.unitPriceMinor * line.quantity, ret.currency, locale)}</span>
              </li>
            ))}
          </ul>
        </section>
        <OrderTimeline events={ret.events} locale={locale} title={t("history")} />
      </div>
      {ret.method.type === "mail" && ret.status === "requested" && (
        <ReturnSlip
          returnNumber={ret.returnNumber}
          orderNumber={ret.orderNumber}
          lines={ret.lines.map((l) => ({ title: lineTitleIn(locale, l), quantity: l.quantity }))}
        />
      )}
    </div>
  );
}
