"use client";

import { cardToken } from "@/lib/test-cards";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { formatMoney, isValidNip, newIdempotencyKey } from "@omni/core";
import { Button } from "@omni/ui/button";
import { EmptyState } from "@omni/ui/empty-state";
import { ErrorMessage } from "@omni/ui/error-message";
import { GiftCardCode, type AppliedGiftCard } from "@omni/ui/gift-card-code";
import { OpeningHoursList } from "@omni/ui/opening-hours";
import { PickupPromise } from "@omni/ui/pickup-promise";
import { Spinner } from "@omni/ui/spinner";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { useCart } from "./cart-context";
import { PaymentCodeField } from "./payment-fields";
import { TextField } from "./text-field";

type Fulfillment = "pickup" | "delivery" | "locker";
type PaymentMethod = "card" | "blik" | "transfer" | "cash_on_delivery" | "pay_in_store";

export function CheckoutScreen({
  defaultName,
  defaultEmail,
  preferredStoreId,
  storeCreditMinor,
  points,
  pointValueMinor,
  signedIn = false,
}: {
  /** A member's marketing answers live in their account; a guest gives theirs here. */
  signedIn?: boolean;
  defaultName: string;
  defaultEmail: string;
  preferredStoreId: string | null;
  storeCreditMinor: number;
  /** The signed-in member's loyalty points and what one is worth: they pay for goods first. */
  points: number;
  pointValueMinor: number;
}) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("checkout");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const cart = useCart();
  const [name, setName] = useState(defaultName);
  const [email, setEmail] = useState(defaultEmail);
  const [phone, setPhone] = useState("");
  const [type, setType] = useState<Fulfillment>("pickup");
  const [storeId, setStoreId] = useState<string | null>(null);
  const [address, setAddress] = useState({ line1: "", city: "", postalCode: "", country: "PL" });
  const [method, setMethod] = useState<PaymentMethod>("card");
  const [card, setCard] = useState("");
  const [blik, setBlik] = useState("");
  const [lockerId, setLockerId] = useState<string | null>(null);
  const [lockerPostal, setLockerPostal] = useState("");
  const [wantInvoice, setWantInvoice] = useState(false);
  const [company, setCompany] = useState({ companyName: "", nip: "" });
  const [useCredit, setUseCredit] = useState(false);
  const [usePoints, setUsePoints] = useState(false);
  const [giftCard, setGiftCard] = useState<AppliedGiftCard | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  // One key per checkout attempt: a retried request (double tap, flaky network) never orders twice.
  const [attemptKey, setAttemptKey] = useState(() => newIdempotencyKey("web-checkout"));
  const place = useMutation(trpc.checkout.placeOrder.mutationOptions());
  // The cart learns where and in which language to remind the shopper as soon as they type their address.
  const contact = useMutation(trpc.cart.setContact.mutationOptions());
  const [marketing, setMarketing] = useState<boolean | undefined>(undefined);
  const saveContact = (next: { email?: string; marketing?: boolean }) => {
    const address = (next.email ?? email).trim();
    if (!cart.cartId || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return;
    contact.mutate({
      cartId: cart.cartId,
      email: address,
      locale: locale === "pl" ? "pl" : "en",
      marketingEmail: signedIn ? undefined : (next.marketing ?? marketing),
    });
  };

  const view = cart.cart?.status === "open" ? cart.cart : undefined;
  const options = useQuery({
    ...trpc.checkout.pickupOptions.queryOptions({ cartId: cart.cartId ?? "" }),
    enabled: !!view?.lines.length,
    staleTime: 0,
  });

  const choices = useQuery({
    ...trpc.checkout.options.queryOptions({ cartId: cart.cartId ?? "" }),
    enabled: !!view?.lines.length,
    staleTime: 0,
  });
  const lockers = useQuery({
    ...trpc.checkout.lockers.queryOptions({ postalCode: lockerPostal.trim() || undefined, limit: 6 }),
    enabled: type === "locker",
  });

  // Start with the shopper's store when it has everything, otherwise the first store that does.
  useEffect(() => {
    if (storeId || !options.data) return;
    // The shopper's own store also when it must have goods sent in: that is what ship-to-store is for.
    const mine = options.data.stores.find((s) => s.storeId === preferredStoreId && s.sourcing !== "unavailable");
    setStoreId(mine?.storeId ?? options.data.stores.find((s) => s.sourcing !== "unavailable")?.storeId ?? null);
  }, [options.data, preferredStoreId, storeId]);

  useEffect(() => {
    if (type !== "pickup" && method === "pay_in_store") setMethod("card");
    if (type === "pickup" && method === "cash_on_delivery") setMethod("card");
  }, [type, method]);

  if (place.data) return <Spinner locale={locale} label={t("placed", { number: place.data.orderNumber })} />;
  if (cart.loading) return <Spinner locale={locale} />;
  if (!view || view.lines.length === 0) {
    return (
      <EmptyState
        title={t("emptyCart")}
        action={
          <Link href="/" className="font-semibold text-sky-800 underline">
            {t("shop")}
          </Link>
        }
      />
    );
  }

  const shippingMinor =
    type === "pickup"
      ? 0
      : (choices.data?.delivery.find((d) => d.type === (type === "locker" ? "locker" : "courier"))?.priceMinor ?? 0);
  const totalMinor = view.totalMinor + shippingMinor;
  // Points pay for goods only (never shipping), at most the balance.
  const pointsUsed = usePoints ? Math.min(points, Math.floor(view.totalMinor / pointValueMinor)) : 0;
  const pointsMinor = pointsUsed * pointValueMinor;
  const creditUsed = useCredit ? Math.min(storeCreditMinor, totalMinor - pointsMinor) : 0;
  // A gift card pays after points and credit, as much as it holds.
  const giftUsed = giftCard ? Math.min(giftCard.balanceMinor, totalMinor - pointsMinor - creditUsed) : 0;
  const toPay = totalMinor - pointsMinor - creditUsed - giftUsed;

  const submit = () => {
    setFormError(null);
    if (type === "pickup" && !storeId) return setFormError(t("chooseStore"));
    if (type === "locker" && !lockerId) return setFormError(t("chooseLocker"));
    // The checksum is checked here too, so that a typo is said in the shopper's language before any call.
    if (wantInvoice && !isValidNip(company.nip)) return setFormError(t("nipInvalid"));
    let payment;
    const credit = {
      ...(creditUsed > 0 ? { storeCreditMinor: creditUsed } : {}),
      ...(giftCard ? { giftCardCode: giftCard.code } : {}),
    };
    // Nothing left for a provider: credit, a gift card and points pay it all (the server names the method it was paid by).
    if (toPay === 0) payment = { method: giftUsed > 0 ? ("gift_card" as const) : ("store_credit" as const), ...credit };
    else if (method === "pay_in_store") payment = { method: "pay_in_store" as const, ...credit };
    else if (method === "blik") {
      if (!/^\d{6}$/.test(blik.trim())) return setFormError(t("blikSixDigits"));
      payment = { method: "blik" as const, code: blik.trim(), ...credit };
    } else if (method === "transfer") payment = { method: "transfer" as const, ...credit };
    else if (method === "cash_on_delivery") payment = { method: "cash_on_delivery" as const, ...credit };
    else {
      const token = cardToken(card);
      if (!token) return setFormError(t("cardUnknown"));
      payment = { method: "card" as const, token, ...credit };
    }
    place.mutate(
      {
        cartId: view.cartId,
        name,
        email,
        phone: phone || undefined,
        fulfillment:
          type === "pickup"
            ? { type: "pickup", storeId: storeId! }
            : type === "locker"
              ? { type: "locker", lockerId: lockerId! }
              : { type: "delivery", address },
        payment,
        idempotencyKey: attemptKey,
        invoice: wantInvoice ? company : undefined,
        locale: locale === "pl" ? "pl" : "en",
        redeemPoints: pointsUsed > 0 ? pointsUsed : undefined,
      },
      {
        onSuccess: (order) => {
          cart.forget();
          // A pay-by-link transfer: the shopper pays at the bank and comes back to the order page.
          if (order.redirectUrl) {
            const back = `/orders/${encodeURIComponent(order.orderNumber)}?email=${encodeURIComponent(email.trim().toLowerCase())}&placed=1`;
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a real bank's page is on another site
            window.location.assign(`${order.redirectUrl}&return=${encodeURIComponent(back)}`);
            return;
          }
          router.push(
            `/orders/${encodeURIComponent(order.orderNumber)}?email=${encodeURIComponent(email.trim().toLowerCase())}&placed=1`,
          );
        },
        // The server answered: the next press is a new attempt.
        onError: () => setAttemptKey(newIdempotencyKey("web-checkout")),
      },
    );
  };

  const feeText = (kind: "courier" | "locker") => {
    const price = choices.data?.delivery.find((d) => d.type === kind)?.priceMinor;
    if (price == null) return "…";
    return price === 0 ? t("free") : formatMoney(price, view.currency, locale);
  };

  const radio = (on: boolean) =>
    `flex cursor-pointer gap-3 rounded-xl p-3 ring-1 ring-inset focus-within:ring-2 focus-within:ring-sky-600 ${on ? "bg-sky-50 ring-sky-600" : "ring-slate-300"}`;

  return (
    <form
      className="grid gap-6 lg:grid-cols-[1fr_22rem]"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">{t("title")}</h1>

        <fieldset className="space-y-3">
          <legend className="mb-2 text-lg font-semibold">{t("contact")}</legend>
          <TextField
            id="checkout-name"
            data-testid="checkout-name"
            label={t("name")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            autoComplete="name"
          />
          <TextField
            id="checkout-email"
            data-testid="checkout-email"
            label={t("email")}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            onBlur={(e) => saveContact({ email: e.target.value })}
            required
            autoComplete="email"
          />
          {!signedIn && (
            <label className="flex items-start gap-3 text-sm">
              <input
                type="checkbox"
                data-testid="checkout-marketing"
                checked={marketing ?? false}
                onChange={(e) => {
                  setMarketing(e.target.checked);
                  saveContact({ marketing: e.target.checked });
                }}
                className="mt-0.5 h-5 w-5 shrink-0"
              />
              {t("marketingConsent")}
            </label>
          )}
          <TextField
            id="checkout-phone"
            data-testid="checkout-phone"
            label={t("phone")}
            type="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
            autoComplete="tel"
            hint={t("phoneHint")}
          />
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="mb-2 text-lg font-semibold">{t("fulfillment")}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            <label className={radio(type === "pickup")}>
              <input
                type="radio"
                name="fulfillment"
                value="pickup"
                data-testid="fulfillment-pickup"
                checked={type === "pickup"}
                onChange={() => setType("pickup")}
                className="mt-1 h-5 w-5"
              />
              <span>
                <span className="block font-semibold">{t("pickup")}</span>
                <span className="text-sm text-slate-600">{t("pickupHint")}</span>
              </span>
            </label>
            <label className={radio(type === "delivery")}>
              <input
                type="radio"
                name="fulfillment"
                value="delivery"
                data-testid="fulfillment-delivery"
                checked={type === "delivery"}
                onChange={() => setType("delivery")}
                className="mt-1 h-5 w-5"
              />
              <span>
                <span className="block font-semibold">{t("delivery")}</span>
                <span className="text-sm text-slate-600">
                  {t("deliveryHint")} · {feeText("courier")}
                </span>
              </span>
            </label>
            <label className={radio(type === "locker")}>
              <input
                type="radio"
                name="fulfillment"
                value="locker"
                data-testid="fulfillment-locker"
                checked={type === "locker"}
                onChange={() => setType("locker")}
                className="mt-1 h-5 w-5"
              />
              <span>
                <span className="block font-semibold">{t("locker")}</span>
                <span className="text-sm text-slate-600">
                  {t("lockerHint")} · {feeText("locker")}
                </span>
              </span>
            </label>
          </div>
          {choices.data && type !== "pickup" && (
            <p className="text-sm text-slate-600" data-testid="free-delivery-note">
              {t("freeFrom", { amount: formatMoney(choices.data.freeDeliveryFromMinor, view.currency, locale) })}
            </p>
          )}

          {type === "locker" && (
            <div className="space-y-2" data-testid="locker-options">
              <TextField
                id="locker-postal"
                data-testid="locker-postal"
                label={t("lockerNear")}
                value={lockerPostal}
                onChange={(e) => setLockerPostal(e.target.value)}
                autoComplete="postal-code"
                placeholder="31-019"
              />
              {lockers.isPending && <Spinner locale={locale} />}
              {lockers.error && (
                <ErrorMessage message={errorMessage(lockers.error)} onRetry={() => lockers.refetch()} locale={locale} />
              )}
              <div role="radiogroup" aria-label={t("chooseLocker")} className="space-y-2">
                {lockers.data?.map((locker) => (
                  <label
                    key={locker.id}
                    className={radio(lockerId === locker.id)}
                    data-testid="locker-option"
                    data-locker-id={locker.id}
                  >
                    <input
                      type="radio"
                      name="locker"
                      value={locker.id}
                      checked={lockerId === locker.id}
                      onChange={() => setLockerId(locker.id)}
                      className="mt-1 h-5 w-5"
                    />
                    <span className="min-w-0 flex-1">
                      <span className="block font-semibold">{locker.name}</span>
                      <span className="block text-sm text-slate-600">
                        {locker.address}, {locker.postalCode} {locker.city}
                        {locker.distanceKm != null ? ` · ${locker.distanceKm} km` : ""}
                      </span>
                      <a
                        href={locker.mapUrl}
                        target="_blank"
                        rel="noreferrer"
                        className="text-sm text-sky-800 underline"
                      >
                        {t("onMap")}
                      </a>
                    </span>
                  </label>
                ))}
              </div>
            </div>
          )}

          {type === "pickup" && (
            <div role="radiogroup" aria-label={t("chooseStore")} data-testid="pickup-options" className="space-y-2">
              {options.isPending && <Spinner locale={locale} />}
              {options.error && (
                <ErrorMessage message={errorMessage(options.error)} onRetry={() => options.refetch()} locale={locale} />
              )}
              {[...(options.data?.stores ?? [])]
                .sort((a, b) => Number(b.storeId === preferredStoreId) - Number(a.storeId === preferredStoreId))
                .map((store) => {
                  const chosen = storeId === store.storeId;
                  const possible = store.sourcing !== "unavailable";
                  return (
                    <label
                      key={store.storeId}
                      data-testid="pickup-store-option"
                      data-store-id={store.storeId}
                      data-all-available={store.allAvailable}
                      data-sourcing={store.sourcing}
                      className={`${radio(chosen)} ${possible ? "" : "cursor-not-allowed opacity-80"}`}
                    >
                      <input
                        type="radio"
                        name="store"
                        value={store.storeId}
                        checked={chosen}
                        disabled={!possible}
                        onChange={() => setStoreId(store.storeId)}
                        className="mt-1 h-5 w-5"
                      />
                      <span className="min-w-0 flex-1">
                        <span className="block font-semibold">{store.name}</span>
                        <span className="block text-sm text-slate-600">
                          {store.address}, {store.city}
                          {store.storeId === preferredStoreId ? ` · ${t("yourStore")}` : ""}
                        </span>
                        <PickupPromise promise={store} locale={locale} className="mt-1" />
                        {store.allAvailable ? null : store.sourcing === "ship_to_store" ? (
                          <span className="block text-sm text-slate-600">{t("shipToStore")}</span>
                        ) : (
                          <span className="block text-sm text-amber-900" data-testid="missing-lines">
                            {t("someMissing", { have: store.availableLineCount, total: store.lines.length })}{" "}
                            {store.missing
                              .map(
                                (m) =>
                                  `${m.productTitle} ${m.title} (${t("haveOf", { available: m.available, quantity: m.quantity })})`,
                              )
                              .join(", ")}
                          </span>
                        )}
                        {chosen && store.openingHours && (
                          <span className="mt-2 block">
                            <OpeningHoursList hours={store.openingHours} locale={locale} />
                          </span>
                        )}
                      </span>
                    </label>
                  );
                })}
              {options.data && !options.data.stores.some((s) => s.sourcing !== "unavailable") && (
                <p className="text-amber-900">{t("noStoreHasAll")}</p>
              )}
            </div>
          )}

          {type === "delivery" && (
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                id="address-line1"
                data-testid="address-line1"
                label={t("line1")}
                value={address.line1}
                onChange={(e) => setAddress({ ...address, line1: e.target.value })}
                required
                autoComplete="address-line1"
                className="sm:col-span-2"
              />
              <TextField
                id="address-postal"
                data-testid="address-postal"
                label={t("postalCode")}
                value={address.postalCode}
                onChange={(e) => setAddress({ ...address, postalCode: e.target.value })}
                required
                autoComplete="postal-code"
              />
              <TextField
                id="address-city"
                data-testid="address-city"
                label={t("city")}
                value={address.city}
                onChange={(e) => setAddress({ ...address, city: e.target.value })}
                required
                autoComplete="address-level2"
              />
              <TextField
                id="address-country"
                data-testid="address-country"
                label={t("country")}
                value={address.country}
                onChange={(e) => setAddress({ ...address, country: e.target.value })}
                required
                autoComplete="country"
              />
              {options.data && !options.data.delivery.allAvailable && (
                <p className="text-amber-900 sm:col-span-2" data-testid="delivery-missing">
                  {t("deliveryMissing")}{" "}
                  {options.data.delivery.missing
                    .map(
                      (m) =>
                        `${m.productTitle} ${m.title} (${t("haveOf", { available: m.available, quantity: m.quantity })})`,
                    )
                    .join(", ")}
                </p>
              )}
            </div>
          )}
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="mb-2 text-lg font-semibold">{t("payment")}</legend>
          {points > 0 && (
            <label className="flex items-center gap-3">
              <input
                type="checkbox"
                data-testid="use-points"
                checked={usePoints}
                onChange={(e) => setUsePoints(e.target.checked)}
                className="h-5 w-5"
              />
              {t("usePoints", {
                points,
                amount: formatMoney(Math.min(points * pointValueMinor, view.totalMinor), view.currency, locale),
              })}
            </label>
          )}
          {storeCreditMinor > 0 && (
            <label className="flex items-center gap-3">
              <input
                type="checkbox"
                data-testid="use-store-credit"
                checked={useCredit}
                onChange={(e) => setUseCredit(e.target.checked)}
                className="h-5 w-5"
              />
              {t("useCredit", { amount: formatMoney(storeCreditMinor, view.currency, locale) })}
            </label>
          )}
          <GiftCardCode
            applied={giftCard}
            onChange={setGiftCard}
            locale={locale}
            words={{
              label: t("giftCardLabel"),
              apply: t("giftCardApply"),
              remove: t("giftCardRemove"),
              applied: (lastFour, balance) => t("giftCardApplied", { lastFour, balance }),
            }}
          />
          {toPay > 0 && (
            <>
              <div className="grid gap-2 sm:grid-cols-2">
                {(["blik", "transfer", ...(type === "pickup" ? [] : ["cash_on_delivery"])] as const).map((m) => (
                  <label key={m} className={radio(method === m)}>
                    <input
                      type="radio"
                      name="payment"
                      value={m}
                      data-testid={`payment-${m}`}
                      checked={method === m}
                      onChange={() => setMethod(m as PaymentMethod)}
                      className="mt-1 h-5 w-5"
                    />
                    <span className="font-semibold">{t(`method_${m}`)}</span>
                  </label>
                ))}
                <label className={radio(method === "card")}>
                  <input
                    type="radio"
                    name="payment"
                    value="card"
                    data-testid="payment-card"
                    checked={method === "card"}
                    onChange={() => setMethod("card")}
                    className="mt-1 h-5 w-5"
                  />
                  <span className="font-semibold">{t("card")}</span>
                </label>
                <label
                  className={`${radio(method === "pay_in_store")} ${type !== "pickup" ? "cursor-not-allowed opacity-60" : ""}`}
                >
                  <input
                    type="radio"
                    name="payment"
                    value="pay_in_store"
                    data-testid="payment-in-store"
                    disabled={type !== "pickup"}
                    checked={method === "pay_in_store"}
                    onChange={() => setMethod("pay_in_store")}
                    className="mt-1 h-5 w-5"
                  />
                  <span>
                    <span className="block font-semibold">{t("payInStore")}</span>
                    <span className="text-sm text-slate-600">{t("payInStoreHint")}</span>
                  </span>
                </label>
              </div>
              {method === "blik" && <PaymentCodeField kind="blik" id="blik-code" value={blik} onChange={setBlik} />}
              {method === "transfer" && <p className="text-sm text-slate-600">{t("transferHint")}</p>}
              {method === "card" && <PaymentCodeField kind="card" id="card-number" value={card} onChange={setCard} />}
            </>
          )}
        </fieldset>

        <fieldset className="space-y-3">
          <label className="flex items-center gap-3">
            <input
              type="checkbox"
              data-testid="want-invoice"
              checked={wantInvoice}
              onChange={(e) => setWantInvoice(e.target.checked)}
              className="h-5 w-5"
            />
            {t("wantInvoice")}
          </label>
          {wantInvoice && (
            <div className="grid gap-3 sm:grid-cols-2">
              <TextField
                id="invoice-company"
                data-testid="invoice-company"
                label={t("companyName")}
                value={company.companyName}
                onChange={(e) => setCompany({ ...company, companyName: e.target.value })}
                required
                autoComplete="organization"
              />
              <TextField
                id="invoice-nip"
                data-testid="invoice-nip"
                label={t("nip")}
                value={company.nip}
                onChange={(e) => setCompany({ ...company, nip: e.target.value })}
                required
                inputMode="numeric"
              />
            </div>
          )}
        </fieldset>
      </div>

      <aside className="space-y-3 self-start rounded-xl border border-slate-200 p-4 lg:sticky lg:top-32">
        <h2 className="text-lg font-semibold">{t("summary")}</h2>
        <ul className="space-y-1 text-sm">
          {view.lines.map((line) => (
            <li key={line.sku} className="flex justify-between gap-2">
              <span className="min-w-0">
                {line.quantity} × {line.productTitle} <span className="text-slate-600">{line.title}</span>
              </span>
              <span className="shrink-0">{formatMoney(line.totalMinor, line.currency, locale)}</span>
            </li>
          ))}
        </ul>
        <dl className="space-y-1 border-t border-slate-200 pt-2">
          {view.discountMinor > 0 && (
            <div className="flex justify-between text-red-700">
              <dt>{t("discount")}</dt>
              <dd>−{formatMoney(view.discountMinor, view.currency, locale)}</dd>
            </div>
          )}
          {type !== "pickup" && (
            <div className="flex justify-between">
              <dt>{t("shipping")}</dt>
              <dd data-testid="checkout-shipping">{formatMoney(shippingMinor, view.currency, locale)}</dd>
            </div>
          )}
          {pointsMinor > 0 && (
            <div className="flex justify-between" data-testid="checkout-points">
              <dt>{t("points", { points: pointsUsed })}</dt>
              <dd>−{formatMoney(pointsMinor, view.currency, locale)}</dd>
            </div>
          )}
          {creditUsed > 0 && (
            <div className="flex justify-between">
              <dt>{t("credit")}</dt>
              <dd>−{formatMoney(creditUsed, view.currency, locale)}</dd>
            </div>
          )}
          {giftUsed > 0 && (
            <div className="flex justify-between" data-testid="checkout-gift-card">
              <dt>{t("giftCard")}</dt>
              <dd>−{formatMoney(giftUsed, view.currency, locale)}</dd>
            </div>
          )}
          <div className="flex justify-between text-lg font-bold">
            <dt>{t("toPay")}</dt>
            <dd data-testid="checkout-total">{formatMoney(toPay, view.currency, locale)}</dd>
          </div>
        </dl>
        {formError && <ErrorMessage message={formError} locale={locale} />}
        {place.error && <ErrorMessage message={errorMessage(place.error)} locale={locale} />}
        <Button
          type="submit"
          size="lg"
          className="w-full"
          data-testid="checkout-submit"
          busy={place.isPending || place.isSuccess}
        >
          {method === "pay_in_store" && type === "pickup" && toPay > 0 ? t("placeOrder") : t("payAndOrder")}
        </Button>
        <Link href="/cart" className="block text-center text-sm font-semibold text-sky-800 underline">
          {t("backToCart")}
        </Link>
      </aside>
    </form>
  );
}
