import { CancelReservation } from "@/components/cancel-reservation";
import { TextField } from "@/components/text-field";
import { serverErrorMessage } from "@/lib/trpc-errors";
import { serverApi } from "@/server/api";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";

import { formatMoney } from "@omni/core";
import { ErrorMessage } from "@omni/ui/error-message";
import { formatDateTime } from "@omni/ui/labels";
import { PickupCodeCard } from "@omni/ui/pickup-code-card";
import { StatusBadge } from "@omni/ui/status-badge";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }>; searchParams: Promise<{ email?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reservation"))("title"), robots: { index: false } };
}

export default async function ReservationPage({ params, searchParams }: Props) {
  const [t, locale, api] = await Promise.all([getTranslations("reservation"), getLocale(), serverApi()]);
  const code = decodeURIComponent((await params).code).slice(0, 64);
  const { email } = await searchParams;
  const mail = typeof email === "string" && email.trim() ? email.trim().slice(0, 320) : "";
  const askEmail = (
    <form method="get" className="space-y-3">
      <TextField
        id="reservation-email"
        name="email"
        type="email"
        label={t("email")}
        defaultValue={mail}
        required
        autoComplete="email"
      />
      <button type="submit" className="min-h-11 w-full rounded-lg bg-slate-900 px-4 font-semibold text-white">
        {t("show")}
      </button>
    </form>
  );
  if (!mail) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("needEmail")}</p>
        {askEmail}
      </div>
    );
  }
  let reservation;
  try {
    reservation = await api.reservations.get({ code, email: mail });
  } catch (error) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <ErrorMessage message={serverErrorMessage(error)} locale={locale} />
        {askEmail}
      </div>
    );
  }
  const active = reservation.status === "active";
  return (
    <div className="space-y-6" data-testid="reservation">
      <header className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <StatusBadge status={reservation.status} locale={locale} size="lg" />
      </header>
      {active ? (
        <p className="font-medium" data-testid="reservation-deadline">
          {t("until", { when: formatDateTime(reservation.expiresAt, locale) })}
        </p>
      ) : (
        <p className="text-slate-700">{t(`status_${reservation.status}`)}</p>
      )}
      {active && (
        <PickupCodeCard
          code={reservation.code}
          store={reservation.store}
          locale={locale}
          title={t("code")}
          testId="reservation-code"
          note={t("howTo")}
        />
      )}
      {!active && (
        <p>
          {t("code")}:{" "}
          <span className="font-mono font-bold" data-testid="reservation-code" data-code={reservation.code}>
            {reservation.code}
          </span>{" "}
          · {reservation.store.name}
        </p>
      )}
      <section>
        <h2 className="text-lg font-semibold">{t("items")}</h2>
        <ul className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-200">
          {reservation.lines.map((line) => (
            <li key={line.sku} className="flex justify-between gap-3 p-3">
              <span>
                {line.quantity} × {line.title}
              </span>
              <span>{formatMoney(line.unitPriceMinor * line.quantity, reservation.currency, locale)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-right font-bold">
          {t("toPay", { amount: formatMoney(reservation.totalMinor, reservation.currency, locale) })}
        </p>
      </section>
      {active && <CancelReservation code={reservation.code} email={mail} />}
    </div>
  );
}
