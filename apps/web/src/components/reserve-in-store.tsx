"use client";

import { reserveAction } from "@/app/actions/shop";
import { translator, type Words } from "@/lib/words";
import Link from "next/link";
import { lazy, Suspense, useState } from "react";

import { newIdempotencyKey } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { formatDateTime } from "@omni/ui/labels";

import { useAction } from "./error-words";
import { TextField } from "./text-field";

/** The code card draws a QR code (the `qrcode` library): loaded once a reservation is made, not with the page. */
const PickupCodeCard = lazy(() => import("@omni/ui/pickup-code-card").then((m) => ({ default: m.PickupCodeCard })));

type Store = {
  id: string;
  name: string;
  city: string;
  address?: string;
  postalCode?: string;
  openingHours?: Record<string, [string, string] | null> | null;
};

/** "Reserve in store": hold a variant at a store to try on and pay there; shows the code and its QR. */
export function ReserveInStore({
  sku,
  title,
  stores,
  locations,
  preferredStoreId,
  defaultName,
  defaultEmail,
  words,
  locale,
}: {
  words: Words<"reserve">;
  locale: string;
  sku: string;
  title: string;
  stores: Store[];
  locations: { storeId: string; available: number }[];
  preferredStoreId: string | null;
  defaultName: string;
  defaultEmail: string;
}) {
  const t = translator(words);
  const call = useAction();
  const [open, setOpen] = useState(false);
  const withStock = stores.filter((s) => (locations.find((l) => l.storeId === s.id)?.available ?? 0) > 0);
  const [storeId, setStoreId] = useState(
    withStock.find((s) => s.id === preferredStoreId)?.id ?? withStock[0]?.id ?? "",
  );
  const [quantity, setQuantity] = useState(1);
  const [name, setName] = useState(defaultName);
  const [email, setEmail] = useState(defaultEmail);
  const [key, setKey] = useState(() => newIdempotencyKey("res"));
  const [reserve, setReserve] = useState<{
    data?: Extract<Awaited<ReturnType<typeof reserveAction>>, { ok: true }>["data"];
    error?: string;
    isPending: boolean;
  }>({ isPending: false });
  const available = locations.find((l) => l.storeId === storeId)?.available ?? 0;

  if (withStock.length === 0) return null;

  if (reserve.data) {
    const store = stores.find((s) => s.id === storeId);
    return (
      <section data-testid="reservation-confirmation" className="space-y-3 rounded-xl bg-emerald-50 p-4">
        <h2 className="text-lg font-bold">{t("confirmed")}</h2>
        <p>{t("until", { when: formatDateTime(reserve.data.expiresAt, locale) })}</p>
        <Suspense fallback={<p className="font-mono text-2xl font-bold">{reserve.data.code}</p>}>
          <PickupCodeCard
            code={reserve.data.code}
            store={store ? { ...store, openingHours: store.openingHours ?? null } : null}
            locale={locale}
            title={t("code")}
            testId="reservation-code"
          />
        </Suspense>
        <Link
          href={`/reservations/${encodeURIComponent(reserve.data.code)}?email=${encodeURIComponent(email)}`}
          className="font-semibold text-sky-800 underline"
        >
          {t("manage")}
        </Link>
      </section>
    );
  }

  return (
    <section className="rounded-xl border border-slate-200">
      <button
        type="button"
        data-testid="reserve-toggle"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex min-h-12 w-full items-center justify-between px-4 text-left font-semibold focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        {t("title")}
        <span aria-hidden>{open ? "−" : "+"}</span>
      </button>
      {open && (
        <form
          data-testid="reserve-form"
          className="space-y-3 border-t border-slate-200 p-4"
          onSubmit={(e) => {
            e.preventDefault();
            setReserve({ isPending: true });
            void call(
              reserveAction({
                storeId,
                lines: [{ sku, quantity }],
                name,
                email,
                idempotencyKey: key,
                locale: locale === "pl" ? "pl" : "en",
              }),
            ).then((answer) => {
              if (answer.ok) return setReserve({ data: answer.data, isPending: false });
              setKey(newIdempotencyKey("res"));
              setReserve({ error: answer.message, isPending: false });
            });
          }}
        >
          <p className="text-sm text-slate-700">{t("intro", { title })}</p>
          <div>
            <label htmlFor="reserve-store" className="block text-sm font-semibold">
              {t("store")}
            </label>
            <select
              id="reserve-store"
              data-testid="reserve-store"
              value={storeId}
              onChange={(e) => setStoreId(e.target.value)}
              className="mt-1 min-h-11 w-full rounded-lg border border-slate-300 px-3"
            >
              {withStock.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({locations.find((l) => l.storeId === s.id)?.available})
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="reserve-qty" className="block text-sm font-semibold">
              {t("quantity")}
            </label>
            <select
              id="reserve-qty"
              data-testid="reserve-quantity"
              value={quantity}
              onChange={(e) => setQuantity(Number(e.target.value))}
              className="mt-1 min-h-11 rounded-lg border border-slate-300 px-3"
            >
              {Array.from({ length: Math.max(1, Math.min(available, 5)) }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
          <TextField
            id="reserve-name"
            label={t("name")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            autoComplete="name"
            data-testid="reserve-name"
          />
          <TextField
            id="reserve-email"
            label={t("email")}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoComplete="email"
            data-testid="reserve-email"
          />
          {reserve.error && <ErrorMessage message={reserve.error} locale={locale} />}
          <Button type="submit" data-testid="reserve-submit" busy={reserve.isPending} className="w-full">
            {t("submit")}
          </Button>
        </form>
      )}
    </section>
  );
}
