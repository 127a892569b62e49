"use client";

import { reserveAction } from "@/app/actions/shop";
import { translator } from "@/lib/words";
import Link from "next/link";
import { lazy, Suspense, useState } from "react";

import { newIdempotencyKey } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { formatDateTime } from "@omni/ui/labels";

import { useAction } from "./error-words";
import type { ReserveInStoreProps } from "./reserve-in-store";
import { ReserveToggle } from "./reserve-toggle";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";

/** The code card draws a QR code (the `qrcode` library): loaded once a reservation is made, not with the page. */
const PickupCodeCard = lazy(() => import("@omni/ui/pickup-code-card").then((m) => ({ default: m.PickupCodeCard })));

/**
 * "Reserve in store", once opened: hold a variant at a store to try on and pay there; shows the code and its QR.
 * Loaded when the shopper first opens it (see reserve-in-store.tsx), so it starts open.
 */
export function ReserveInStorePanel({
  sku,
  title,
  stores,
  locations,
  preferredStoreId,
  defaultName,
  defaultEmail,
  words,
  locale,
}: ReserveInStoreProps) {
  const t = translator(words);
  const call = useAction();
  const [open, setOpen] = useState(true);
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
      <ReserveToggle open={open} onClick={() => setOpen(!open)} label={t("title")} />
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
          <SelectField
            id="reserve-store"
            data-testid="reserve-store"
            label={t("store")}
            value={storeId}
            onChange={(e) => setStoreId(e.target.value)}
          >
            {withStock.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({locations.find((l) => l.storeId === s.id)?.available})
              </option>
            ))}
          </SelectField>
          <SelectField
            id="reserve-qty"
            data-testid="reserve-quantity"
            label={t("quantity")}
            fit
            value={quantity}
            onChange={(e) => setQuantity(Number(e.target.value))}
          >
            {Array.from({ length: Math.max(1, Math.min(available, 5)) }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </SelectField>
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
