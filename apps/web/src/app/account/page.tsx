import { signOutAction } from "@/app/actions/auth";
import { auth } from "@/auth";
import { ConsentSettings } from "@/components/consent-settings";
import { VerifyEmailBanner } from "@/components/email-verification";
import { KioskSignIn } from "@/components/kiosk-sign-in";
import { ChangePasswordForm } from "@/components/password-forms";
import { RecommendedProducts } from "@/components/recommended-products";
import { serverApi } from "@/server/api";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";

import { formatMoney } from "@omni/core";
import { ChannelLabel } from "@omni/ui/channel";
import { EmptyState } from "@omni/ui/empty-state";
import { formatDateTime } from "@omni/ui/labels";
import { LoyaltyCard, LoyaltyHistory } from "@omni/ui/loyalty";
import { StatusBadge } from "@omni/ui/status-badge";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

export default async function AccountPage() {
  const session = await auth();
  if (!session?.user) redirect("/sign-in?next=/account");
  const [t, locale, api] = await Promise.all([getTranslations("account"), getLocale(), serverApi()]);
  const [me, orders, loyalty] = await Promise.all([
    api.account.me(),
    api.orders.list({ limit: 50 }),
    api.loyalty.get(),
  ]);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("hello", { name: me.name })}</h1>
          <p className="text-slate-600" data-testid="account-email">
            {me.email}
          </p>
        </div>
        <form action={signOutAction}>
          <button
            type="submit"
            data-testid="sign-out"
            className="min-h-11 rounded-lg px-4 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            {t("signOut")}
          </button>
        </form>
      </header>

      {!me.emailVerified && <VerifyEmailBanner />}
      <LoyaltyCard summary={loyalty} locale={locale} />
      <Link
        href="/account/card"
        data-testid="member-card-link"
        className="text-sm font-semibold text-sky-800 underline"
      >
        {t("cardOnPhone")}
      </Link>

      <div className="grid gap-4 sm:grid-cols-2">
        <section className="rounded-xl border border-slate-200 p-4">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("credit")}</h2>
          <p className="mt-1 text-3xl font-bold" data-testid="store-credit">
            {formatMoney(me.storeCreditMinor, me.currency, locale)}
          </p>
          <p className="text-sm text-slate-600">{t("creditHint")}</p>
        </section>
        <section className="rounded-xl border border-slate-200 p-4">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("myStore")}</h2>
          {me.preferredStore ? (
            <p className="mt-1 text-lg font-semibold" data-testid="preferred-store">
              <Link href={`/stores/${me.preferredStore.id}`} className="hover:underline">
                {me.preferredStore.name}
              </Link>
            </p>
          ) : (
            <p className="mt-1 text-slate-700">{t("noStore")}</p>
          )}
          <Link href="/stores" className="text-sm font-semibold text-sky-800 underline">
            {t("changeStore")}
          </Link>
        </section>
      </div>

      <RecommendedProducts mode="forYou" />

      <ConsentSettings />

      <section aria-labelledby="orders-heading" data-testid="my-orders" className="space-y-3">
        <h2 id="orders-heading" className="text-xl font-bold">
          {t("orders")}
        </h2>
        {orders.length === 0 ? (
          <EmptyState
            title={t("noOrders")}
            action={
              <Link href="/" className="font-semibold text-sky-800 underline">
                {t("shop")}
              </Link>
            }
          />
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
            {orders.map((order) => (
              <li key={order.orderNumber}>
                <Link
                  href={`/orders/${encodeURIComponent(order.orderNumber)}`}
                  data-testid="my-order"
                  data-order-number={order.orderNumber}
                  className="flex flex-wrap items-center justify-between gap-2 p-3 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
                >
                  <div className="min-w-0">
                    <p className="font-mono font-semibold">{order.orderNumber}</p>
                    <p className="text-sm text-slate-600">
                      {formatDateTime(order.createdAt, locale)} · {t("items", { count: order.itemCount })}
                      {order.storeName ? ` · ${order.storeName}` : ` · ${t("delivery")}`}
                    </p>
                    <ChannelLabel channel={order.channel} locale={locale} />
                  </div>
                  <div className="flex flex-col items-end gap-1">
                    <StatusBadge status={order.status} locale={locale} />
                    <span className="font-semibold">{formatMoney(order.totalMinor, order.currency, locale)}</span>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <LoyaltyHistory
        events={loyalty.events.slice(0, 20)}
        locale={locale}
        orderHref={(n) => `/orders/${encodeURIComponent(n)}`}
      />

      <KioskSignIn />

      <section className="space-y-3 rounded-xl border border-slate-200 p-4" data-testid="password-section">
        <h2 className="text-lg font-semibold">{t("password")}</h2>
        <ChangePasswordForm />
      </section>
    </div>
  );
}
