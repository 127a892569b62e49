"use client";

import { newKioskIdempotencyKey, useContract, type Fulfillment, type Payment, type PlacedOrder } from "@/lib/contract";
import { useFriendlyError } from "@/lib/friendly-error";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";

import { formatMoney, INPUT_LIMITS } from "@omni/core";
import { EmptyState } from "@omni/ui/empty-state";
import { PickupCodeCard } from "@omni/ui/pickup-code-card";
import { errorCode, useTRPC } from "@omni/ui/trpc";

import { ChoiceRow } from "./choice-row";
import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { DoneLink, Screen } from "./screen";
import { TouchForm, type TouchField } from "./touch-form";

type Where = "here" | "other" | "delivery" | "locker";
type Pay = "pay_in_store" | "card" | "blik" | "cash_on_delivery";

/**
 * The endless aisle: click-and-collect here or in another store, or what this store lacks delivered
 * home by courier or to a parcel locker, with the fee shown before the shopper chooses. Deliveries take
 * the card terminal, BLIK or cash on delivery; a pay-by-link transfer is left to the shopper's own phone,
 * as a shared screen is no place to sign in to a bank.
 */
export function CheckoutScreen() {
  const t = useTranslations("checkout");
  const locale = useLocale();
  const trpc = useTRPC();
  const contract = useContract();
  const friendly = useFriendlyError();
  const { kiosk, shopper, cartId, setCartId } = useKiosk();
  const [where, setWhere] = useState<Where>("here");
  const [otherStore, setOtherStore] = useState<string | null>(null);
  const [pay, setPay] = useState<Pay>("pay_in_store");
  const [lockerId, setLockerId] = useState<string | null>(null);
  const shipped = where === "delivery" || where === "locker";
  const [values, setValues] = useState<Record<string, string>>({
    name: shopper?.name ?? "",
    email: shopper?.email ?? "",
  });
  // One key per attempt: a double tap never orders twice, and an answered refusal starts a new attempt.
  const [idempotencyKey, setIdempotencyKey] = useState(newKioskIdempotencyKey);
  const [usePoints, setUsePoints] = useState<"no" | "yes">("no");
  // Marketing e-mail needs the shopper's own prior "yes" (Polish law): asked here, kept with the kiosk as its source.
  const [marketing, setMarketing] = useState<"no" | "yes">("no");
  // The optional extras stay folded until asked for, so the form and its keyboard fit the 1920 px screen.
  const [withPhone, setWithPhone] = useState(false);
  const [withGiftCard, setWithGiftCard] = useState(false);
  // A signed-in member may pay for goods with points, at most the balance.
  const loyalty = useQuery({ ...trpc.loyalty.get.queryOptions(), enabled: !!shopper });
  const [placed, setPlaced] = useState<{ order: PlacedOrder; storeId: string | null; email: string } | null>(null);
  const stores = useQuery(trpc.stores.list.queryOptions());
  const thisStore = stores.data?.find((s) => s.id === kiosk.storeId);
  // Which store can supply the whole cart (endless aisle): nearest to this kiosk first.
  const options = useQuery({
    ...trpc.checkout.pickupOptions.queryOptions({
      cartId: cartId ?? "",
      lat: thisStore?.lat ?? undefined,
      lng: thisStore?.lng ?? undefined,
    }),
    enabled: !!cartId && !placed && !!stores.data,
  });
  // What home delivery costs for this cart (free from the threshold), shown before the shopper chooses it.
  const choices = useQuery({
    ...trpc.checkout.options.queryOptions({ cartId: cartId ?? "" }),
    enabled: !!cartId && !placed,
  });
  const feeOf = (type: "courier" | "locker") => choices.data?.delivery.find((d) => d.type === type)?.priceMinor;
  const courierFee = feeOf("courier");
  const lockerFee = feeOf("locker");
  const fee = where === "locker" ? lockerFee : courierFee;
  const feeText = (minor: number | undefined) =>
    minor == null ? undefined : minor === 0 ? t("freeDelivery") : formatMoney(minor, "PLN", locale);
  // Parcel lockers nearest to this store first: the shopper usually lives nearby.
  const lockers = useQuery({
    ...trpc.checkout.lockers.queryOptions({
      lat: thisStore?.lat ?? undefined,
      lng: thisStore?.lng ?? undefined,
      limit: 4,
    }),
    enabled: where === "locker" && !!stores.data,
  });
  const hereOption = options.data?.stores.find((o) => o.storeId === kiosk.storeId);
  const otherOptions = useMemo(
    () => options.data?.stores.filter((o) => o.storeId !== kiosk.storeId) ?? [],
    [options.data, kiosk.storeId],
  );
  const [chosenDefault, setChosenDefault] = useState(false);
  useEffect(() => {
    if (!options.data || chosenDefault) return;
    setChosenDefault(true);
    if (hereOption?.allAvailable) return;
    const elsewhere = otherOptions.find((o) => o.allAvailable);
    if (elsewhere) {
      setWhere("other");
      setOtherStore(elsewhere.storeId);
    } else if (options.data.delivery.allAvailable) setWhere("delivery");
  }, [options.data, chosenDefault, hereOption, otherOptions]);
  const supply = (o: { allAvailable: boolean; availableLineCount: number; lines: unknown[] } | undefined) =>
    !o
      ? undefined
      : o.allAvailable
        ? t("allAvailable")
        : t("someAvailable", { count: o.availableLineCount, total: o.lines.length });
  const pointValue = loyalty.data?.pointValueMinor ?? 1;
  const pointsUsed =
    usePoints === "yes" && loyalty.data && choices.data
      ? Math.min(loyalty.data.points, Math.floor(choices.data.goodsMinor / pointValue))
      : 0;
  // A gift card typed or scanned pays first, as much as it holds; the chosen way pays the rest.
  const giftCardCode = withGiftCard && values.giftCard?.trim() ? { giftCardCode: values.giftCard.trim() } : {};
  const tender: Payment =
    pay === "blik"
      ? { method: "blik", code: (values.blik ?? "").replace(/\D/g, "") }
      : pay === "cash_on_delivery" && shipped
        ? { method: "cash_on_delivery" }
        : shipped || pay === "card"
          ? { method: "card", token: "tok_ok" }
          : { method: "pay_in_store" };
  const payment: Payment = { ...tender, ...giftCardCode };
  useEffect(() => {
    if (shipped && pay === "pay_in_store") setPay("card");
    if (!shipped && pay === "cash_on_delivery") setPay("pay_in_store");
  }, [shipped, pay]);

  const place = useMutation({
    mutationFn: async () => {
      if (marketing === "yes")
        await contract.cart.setContact.mutate({
          cartId: cartId!,
          email: (values.email ?? "").trim(),
          locale: locale === "pl" ? "pl" : "en",
          marketingEmail: true,
        });
      const fulfillment: Fulfillment =
        where === "locker"
          ? { type: "locker", lockerId: lockerId ?? "" }
          : where === "delivery"
            ? {
                type: "delivery",
                address: {
                  line1: values.line1 ?? "",
                  city: values.city ?? "",
                  postalCode: values.postalCode ?? "",
                  country: "PL",
                },
              }
            : { type: "pickup", storeId: where === "here" ? kiosk.storeId : (otherStore ?? "") };
      return contract.checkout.placeOrder.mutate({
        cartId: cartId!,
        email: (values.email ?? "").trim(),
        name: (values.name ?? "").trim(),
        phone: (withPhone && values.phone?.trim()) || undefined,
        fulfillment,
        payment,
        idempotencyKey,
        locale: locale === "pl" ? "pl" : "en",
        redeemPoints: pointsUsed > 0 ? pointsUsed : undefined,
      });
    },
    onSuccess: (order) => {
      setPlaced({
        order,
        storeId: shipped ? null : where === "here" ? kiosk.storeId : otherStore,
        email: (values.email ?? "").trim(),
      });
      setCartId(null);
    },
    // Only a refusal the server answered frees the key; a lost answer is retried under the same one.
    onError: (error) => {
      if (errorCode(error)) setIdempotencyKey(newKioskIdempotencyKey());
    },
  });

  if (placed) {
    const store = stores.data?.find((s) => s.id === placed.storeId);
    return (
      <Screen title={t("thanks")} testId="order-confirmation">
        <p className="text-3xl">
          {t("orderNumber")} <strong data-testid="order-number">{placed.order.orderNumber}</strong> ·{" "}
          {formatMoney(placed.order.totalMinor, "PLN", locale)}
        </p>
        {placed.order.giftCardMinor > 0 && (
          <p className="text-3xl" data-testid="placed-gift-card">
            {t("giftCardPaid", { amount: formatMoney(placed.order.giftCardMinor, "PLN", locale) })}
          </p>
        )}
        {placed.order.pickupCode ? (
          <div className="[zoom:1.4]">
            <PickupCodeCard
              code={placed.order.pickupCode}
              locale={locale}
              store={
                store
                  ? {
                      name: store.name,
                      address: store.address,
                      postalCode: store.postalCode,
                      city: store.city,
                      pickupPoint: store.pickupPoint ?? undefined,
                      openingHours: store.openingHours,
                    }
                  : null
              }
              note={t("pickupNote")}
            />
          </div>
        ) : (
          <>
            <p className="text-3xl text-slate-700">{t("deliveryNote")}</p>
            {placed.order.shippingMinor > 0 && (
              <p className="text-3xl" data-testid="placed-shipping">
                {t("deliveryFee")}: {formatMoney(placed.order.shippingMinor, "PLN", locale)}
              </p>
            )}
            <Link
              href={`/orders?number=${encodeURIComponent(placed.order.orderNumber)}&email=${encodeURIComponent(placed.email)}`}
              data-testid="track-order"
              className="flex min-h-20 items-center justify-center rounded-2xl text-3xl font-semibold ring-2 ring-inset ring-slate-300"
            >
              {t("track")}
            </Link>
          </>
        )}
        <DoneLink label={t("done")} />
      </Screen>
    );
  }

  if (!cartId) {
    return (
      <Screen title={t("title")} testId="checkout-screen">
        <EmptyState title={t("noCart")} />
      </Screen>
    );
  }

  const fields: TouchField[] = [
    { name: "name", label: t("name"), testId: "checkout-name" },
    { name: "email", label: t("email"), kind: "email", testId: "checkout-email", maxLength: INPUT_LIMITS.email },
    ...(withPhone
      ? ([
          { name: "phone", label: t("phone"), testId: "checkout-phone", optional: true, maxLength: 40 },
        ] satisfies TouchField[])
      : []),
    ...(where === "delivery"
      ? ([
          { name: "line1", label: t("line1"), testId: "checkout-line1" },
          { name: "postalCode", label: t("postalCode"), testId: "checkout-postal-code", maxLength: 12 },
          { name: "city", label: t("city"), testId: "checkout-city" },
        ] satisfies TouchField[])
      : []),
    ...(pay === "blik"
      ? ([{ name: "blik", label: t("blikCode"), testId: "checkout-blik", maxLength: 6 }] satisfies TouchField[])
      : []),
    ...(withGiftCard
      ? ([
          {
            name: "giftCard",
            label: t("giftCard"),
            kind: "code",
            testId: "checkout-gift-card",
            optional: true,
            maxLength: 64,
          },
        ] satisfies TouchField[])
      : []),
  ];

  return (
    <Screen title={t("title")} testId="checkout-screen">
      <ChoiceRow<Where>
        label={t("how")}
        value={where}
        onChange={setWhere}
        testIdPrefix="fulfilment"
        columns={2}
        options={[
          { value: "here", label: t("here"), help: supply(hereOption) ?? kiosk.storeName },
          {
            value: "other",
            label: t("other"),
            help: otherOptions.some((o) => o.allAvailable) ? t("allAvailableSomewhere") : undefined,
          },
          {
            value: "delivery",
            label: t("delivery"),
            help: [supply(options.data?.delivery), feeText(courierFee)].filter(Boolean).join(" · "),
          },
          {
            value: "locker",
            label: t("locker"),
            help: [supply(options.data?.delivery), feeText(lockerFee)].filter(Boolean).join(" · "),
          },
        ]}
      />
      {where === "locker" &&
        (lockers.isPending ? (
          <p className="text-3xl text-slate-600">{t("lockersLoading")}</p>
        ) : lockers.error ? (
          <KioskError message={friendly(lockers.error)} />
        ) : lockers.data.length === 0 ? (
          <EmptyState title={t("noLockers")} />
        ) : (
          <ChoiceRow
            label={t("whichLocker")}
            value={lockerId}
            onChange={setLockerId}
            testIdPrefix="locker"
            options={lockers.data.map((l) => ({
              value: l.id,
              label: `${l.id} · ${l.city}`,
              help: [l.address, l.distanceKm == null ? undefined : t("km", { km: l.distanceKm.toFixed(1) })]
                .filter(Boolean)
                .join(" · "),
            }))}
          />
        ))}
      {where === "other" && (
        <ChoiceRow
          label={t("whichStore")}
          value={otherStore}
          onChange={setOtherStore}
          testIdPrefix="pickup-store"
          options={otherOptions.map((o) => ({ value: o.storeId, label: o.city, help: `${o.name} · ${supply(o)}` }))}
        />
      )}
      {!!loyalty.data?.points && (
        <ChoiceRow
          label={t("points", { points: loyalty.data.points })}
          value={usePoints}
          onChange={setUsePoints}
          testIdPrefix="use-points"
          options={[
            { value: "no" as const, label: t("pointsKeep") },
            {
              value: "yes" as const,
              label: t("pointsUse"),
              help: formatMoney(
                Math.min(loyalty.data.points * pointValue, choices.data?.goodsMinor ?? 0),
                "PLN",
                locale,
              ),
            },
          ]}
        />
      )}
      <div className="grid grid-cols-3 gap-4" role="group" aria-label={t("extras")}>
        <ExtraToggle
          pressed={marketing === "yes"}
          onToggle={() => setMarketing(marketing === "yes" ? "no" : "yes")}
          label={t("marketingToggle")}
          testId="marketing-toggle"
        />
        <ExtraToggle
          pressed={withPhone}
          onToggle={() => setWithPhone(!withPhone)}
          label={t("phoneToggle")}
          testId="phone-toggle"
        />
        <ExtraToggle
          pressed={withGiftCard}
          onToggle={() => setWithGiftCard(!withGiftCard)}
          label={t("giftCardToggle")}
          testId="gift-card-toggle"
        />
      </div>
      <ChoiceRow
        label={t("payment")}
        value={pay}
        onChange={setPay}
        testIdPrefix="payment"
        columns={3}
        options={[
          ...(shipped ? [] : [{ value: "pay_in_store" as const, label: t("payInStore"), help: t("payInStoreHelp") }]),
          { value: "card" as const, label: t("card"), help: t("cardHelp") },
          { value: "blik" as const, label: "BLIK", help: t("blikHelp") },
          ...(shipped
            ? [{ value: "cash_on_delivery" as const, label: t("cashOnDelivery"), help: t("cashOnDeliveryHelp") }]
            : []),
        ]}
      />
      {shipped && choices.data && (
        <p className="text-3xl" data-testid="delivery-fee">
          {t("deliveryFee")}: <strong data-testid="delivery-fee-amount">{feeText(fee ?? 0)}</strong> · {t("total")}:{" "}
          <strong data-testid="delivery-total">
            {formatMoney(choices.data.goodsMinor + (fee ?? 0), "PLN", locale)}
          </strong>
        </p>
      )}
      <TouchForm
        fields={fields}
        values={values}
        onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        onSubmit={() => place.mutate()}
        submitLabel={t("place")}
        submitTestId="place-order"
        busy={place.isPending}
        blocked={(where === "other" && !otherStore) || (where === "locker" && !lockerId)}
      >
        {place.error && <KioskError message={friendly(place.error)} />}
      </TouchForm>
    </Screen>
  );
}

/** An optional extra of the order, switched on and off with one tap (a tick shows it is on). */
function ExtraToggle({
  pressed,
  onToggle,
  label,
  testId,
}: {
  pressed: boolean;
  onToggle: () => void;
  label: string;
  testId: string;
}) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onToggle}
      data-testid={testId}
      className={`flex min-h-24 items-center gap-3 rounded-2xl px-5 py-3 text-left text-2xl font-semibold ring-2 ring-inset ${
        pressed ? "bg-slate-900 text-white ring-slate-900" : "bg-white ring-slate-300 active:bg-slate-100"
      }`}
    >
      <span aria-hidden className="text-3xl">
        {pressed ? "☑" : "☐"}
      </span>
      {label}
    </button>
  );
}
