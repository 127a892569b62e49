"use client";

import { addToCartAction, availabilityAction } from "@/app/actions/shop";
import { findVariant, optionValues } from "@/lib/variants";
import { translator, type Words } from "@/lib/words";
import { useEffect, useState } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { StoreIcon, TruckIcon } from "@omni/ui/icons";
import { PickupPromise } from "@omni/ui/pickup-promise";
import { Price } from "@omni/ui/price";
import { StoreAvailability } from "@omni/ui/store-availability";

import { cartEdited, storedCartId, useCartSummary } from "./cart-store";
import { useChosenColour } from "./chosen-colour";
import { useAction } from "./error-words";
import { ReserveInStore } from "./reserve-in-store";
import { usePreferredStore } from "./use-preferred-store";

type Variant = {
  sku: string;
  title: string;
  options: { size?: string; colour?: string };
  /** The options in the shopper's language (the values above are the keys). */
  optionLabels?: { size?: string; colour?: string };
  priceMinor: number;
  listPriceMinor: number;
  currency: string;
  promotion: string | null;
};
type Availability = {
  sku: string;
  online: number;
  locations: {
    storeId: string;
    available: number;
    aisle: string | null;
    /** The store's promised pickup time, shown per store. */
    pickup: { sourcing: "in_store" | "ship_to_store" | "unavailable"; readyBy?: Date };
  }[];
};
type Store = { id: string; name: string; city: string; lat: number; lng: number; reservations: boolean };

const totalOf = (a: Availability | undefined) => (a ? a.online + a.locations.reduce((n, l) => n + l.available, 0) : 0);

/**
 * The buying side of a product page: variant picker, price, stock at home delivery and in the
 * shopper's store and others (nearest first), add to cart and reserve in store.
 */
export function ProductPurchase({
  product,
  stores,
  initialAvailability,
  initialSku,
  preferredStoreId,
  signedIn,
  defaultName,
  defaultEmail,
  words,
  reserveWords,
  locale,
}: {
  words: Words<"product">;
  reserveWords: Words<"reserve">;
  locale: string;
  product: { title: string; variants: Variant[] };
  stores: Store[];
  initialAvailability: Availability[];
  initialSku?: string;
  preferredStoreId: string | null;
  signedIn: boolean;
  defaultName: string;
  defaultEmail: string;
}) {
  const t = translator(words);
  const call = useAction();
  const { cartId } = useCartSummary();
  const { sizes, colours } = optionValues(product.variants);
  // Sizes are marked sold out by the shop's own channel: what can be delivered (online stock).
  const onlineOf = new Map(initialAvailability.map((a) => [a.sku, a.online]));
  const start = product.variants.find((v) => v.sku === initialSku);
  const chosenColour = useChosenColour();
  // No size is chosen for the shopper: a preselected size gets bought by mistake. A link to a variant (`?sku=`) is a
  // choice made, and a product in one size has nothing to choose.
  const [choice, setChoice] = useState<{ size?: string; colour?: string }>({
    size: start?.options.size ?? (sizes.length === 1 ? sizes[0] : undefined),
    colour: start?.options.colour ?? chosenColour.colour,
  });
  const [quantity, setQuantity] = useState(1);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [addError, setAddError] = useState<string | null>(null);
  const [position, setPosition] = useState<{ lat: number; lng: number } | null>(null);
  const { storeId, chooseStore } = usePreferredStore(preferredStoreId, signedIn);

  const variant = findVariant(product.variants, choice);
  // Stock is what the shopper acts on: read again for each variant picked and whenever the tab comes back.
  const [stock, setStock] = useState<Record<string, Availability>>(() =>
    Object.fromEntries(initialAvailability.map((a) => [a.sku, a])),
  );
  const [stockError, setStockError] = useState<string | null>(null);
  const sku = variant?.sku;
  const [retries, setRetries] = useState(0);
  useEffect(() => {
    if (!sku) return;
    const refresh = () =>
      void call(availabilityAction({ sku })).then((answer) => {
        if (answer.ok) setStock((known) => ({ ...known, [sku]: answer.data }));
        setStockError(answer.ok ? null : answer.message);
      });
    refresh();
    window.addEventListener("focus", refresh);
    return () => window.removeEventListener("focus", refresh);
  }, [sku, call, retries]);

  const pick = (next: { size?: string; colour?: string }) => {
    const merged = { ...choice, ...next };
    // Picking a colour that lacks the chosen size keeps the colour and asks for a size again (never another size
    // silently); picking a size that this colour lacks moves to a colour that has it.
    const chosen =
      findVariant(product.variants, merged) ??
      (next.size ? product.variants.find((v) => v.options.size === next.size) : undefined);
    const colour = chosen?.options.colour ?? merged.colour;
    setChoice({ size: chosen ? chosen.options.size : sizes.length ? undefined : merged.size, colour });
    chosenColour.setColour(colour);
    setAdded(null);
    setAddError(null);
    const url = new URL(window.location.href);
    if (chosen) url.searchParams.set("sku", chosen.sku);
    else url.searchParams.delete("sku");
    window.history.replaceState(null, "", url);
  };
  // Before a size is chosen, the price shown is the cheapest of the chosen colour.
  const fromPrice = [...product.variants]
    .filter((v) => !choice.colour || v.options.colour === choice.colour)
    .sort((a, b) => a.priceMinor - b.priceMinor)[0];

  const myStore = stores.find((s) => s.id === storeId) ?? null;
  const data = sku ? stock[sku] : undefined;
  const mine = data?.locations.find((l) => l.storeId === storeId);
  const reference = position ?? (myStore ? { lat: myStore.lat, lng: myStore.lng } : null);

  const labelOf = (kind: "size" | "colour", value: string) =>
    product.variants.find((v) => v.options[kind] === value)?.optionLabels?.[kind] ?? value;
  const optionButton = (kind: "size" | "colour", value: string) => {
    const label = labelOf(kind, value);
    const candidate = findVariant(product.variants, { ...choice, [kind]: value });
    const exists = !!candidate || (kind === "colour" && product.variants.some((v) => v.options.colour === value));
    const soldOut = candidate ? (onlineOf.get(candidate.sku) ?? 0) <= 0 : false;
    const selected = choice[kind] === value;
    return (
      <button
        key={value}
        type="button"
        data-testid="variant-option"
        data-kind={kind}
        data-value={value}
        data-sold-out={soldOut || undefined}
        aria-pressed={selected}
        disabled={!exists}
        aria-label={
          soldOut
            ? `${label} — ${t("soldOutOnline")}`
            : !candidate && kind === "size"
              ? `${label} — ${t("notInColour")}`
              : label
        }
        onClick={() => pick({ [kind]: value })}
        className={`min-h-11 min-w-11 rounded-lg px-3 text-sm font-semibold ring-1 ring-inset focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-400 disabled:ring-slate-200 disabled:line-through ${
          selected
            ? "bg-slate-900 text-white ring-slate-900"
            : "bg-white text-slate-900 ring-slate-300 hover:ring-slate-600"
        } ${soldOut ? "line-through decoration-2" : ""} ${!candidate && exists ? "text-slate-500" : ""}`}
      >
        {label}
      </button>
    );
  };

  return (
    <div className="space-y-5">
      {variant ? (
        <div className="flex flex-wrap items-center gap-3">
          <Price
            priceMinor={variant.priceMinor}
            listPriceMinor={variant.listPriceMinor}
            currency={variant.currency}
            locale={locale}
            size="lg"
          />
          {variant.promotion && (
            <span className="rounded bg-red-700 px-2 py-0.5 text-sm font-bold text-white">{variant.promotion}</span>
          )}
        </div>
      ) : fromPrice && sizes.length > 0 && !choice.size ? (
        <div className="flex flex-wrap items-center gap-3">
          <Price
            priceMinor={fromPrice.priceMinor}
            listPriceMinor={fromPrice.listPriceMinor}
            currency={fromPrice.currency}
            locale={locale}
            size="lg"
          />
          {fromPrice.promotion && (
            <span className="rounded bg-red-700 px-2 py-0.5 text-sm font-bold text-white">{fromPrice.promotion}</span>
          )}
        </div>
      ) : (
        <p className="text-slate-700">{t("noVariant")}</p>
      )}

      {colours.length > 0 && (
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">
            {t("colour")}: <span className="font-normal">{choice.colour && labelOf("colour", choice.colour)}</span>
          </legend>
          <div className="flex flex-wrap gap-2">{colours.map((c) => optionButton("colour", c))}</div>
        </fieldset>
      )}
      {sizes.length > 0 && (
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">
            {t("size")}: <span className="font-normal">{choice.size && labelOf("size", choice.size)}</span>
          </legend>
          <div className="flex flex-wrap gap-2">{sizes.map((s) => optionButton("size", s))}</div>
          {sizes.some((size) => {
            const candidate = findVariant(product.variants, { ...choice, size });
            return candidate && (onlineOf.get(candidate.sku) ?? 0) <= 0;
          }) && <p className="mt-2 text-xs text-slate-600">{t("soldOutOnlineHint")}</p>}
        </fieldset>
      )}
      {!variant && sizes.length > 0 && !choice.size && (
        <p data-testid="choose-size" className="rounded-lg bg-slate-100 px-3 py-2 font-medium text-slate-800">
          {t("chooseSize")}
        </p>
      )}

      {variant && (
        <section aria-labelledby="stock-heading" className="space-y-3">
          <h2 id="stock-heading" className="sr-only">
            {t("availability")}
          </h2>
          {data && (
            <div className="space-y-1" aria-live="polite">
              <p data-testid="delivery-stock" className="flex items-center gap-2 font-medium">
                <TruckIcon className="h-5 w-5" />
                {data.online > 0 ? t("deliveryIn") : t("deliveryOut")}
              </p>
              {myStore ? (
                <p
                  data-testid="my-store-stock"
                  data-available={mine?.available ?? 0}
                  className="flex items-center gap-2 font-medium"
                >
                  <StoreIcon className="h-5 w-5" />
                  {(mine?.available ?? 0) > 0
                    ? (mine?.available ?? 0) <= 3
                      ? t("fewInStore", { count: mine?.available ?? 0, city: myStore.city })
                      : t("inStore", { count: mine?.available ?? 0, city: myStore.city })
                    : t("notInStore", { city: myStore.city })}
                </p>
              ) : (
                <p className="text-slate-700">{t("chooseStoreHint")}</p>
              )}
              {myStore && mine?.pickup && <PickupPromise promise={mine.pickup} locale={locale} />}
            </div>
          )}
          {stockError && <ErrorMessage message={stockError} onRetry={() => setRetries((n) => n + 1)} locale={locale} />}

          <div className="flex flex-wrap items-end gap-3">
            <label className="text-sm">
              <span className="block font-semibold">{t("quantity")}</span>
              <select
                value={quantity}
                data-testid="quantity-select"
                onChange={(e) => setQuantity(Number(e.target.value))}
                className="min-h-11 rounded-lg border border-slate-300 px-3 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
              >
                {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <Button
              data-testid="add-to-cart"
              size="lg"
              className="flex-1"
              busy={adding}
              disabled={totalOf(data) === 0}
              onClick={async () => {
                setAdding(true);
                setAddError(null);
                setAdded(null);
                const answer = await call(addToCartAction(cartId ?? storedCartId(), variant.sku, quantity));
                if (answer.ok) {
                  cartEdited(answer.data);
                  setAdded(t("added", { title: `${product.title} — ${variant.title}` }));
                } else setAddError(answer.message);
                setAdding(false);
              }}
            >
              {totalOf(data) === 0 ? t("soldOut") : t("addToCart")}
            </Button>
          </div>
          {added && (
            <p
              role="status"
              data-testid="added-to-cart"
              className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900"
            >
              {added}{" "}
              <a href="/cart" className="font-semibold underline">
                {t("goToCart")}
              </a>
            </p>
          )}
          {addError && <ErrorMessage message={addError} locale={locale} />}

          {data && (
            <>
              <StoreAvailability
                stores={stores}
                locations={data.locations}
                online={data.online}
                position={reference}
                chosenStoreId={storeId}
                onChoose={(id) => chooseStore(id)}
                locale={locale}
                title={t("storesTitle")}
              />
              <button
                type="button"
                className="text-sm font-semibold text-sky-800 underline"
                onClick={() =>
                  navigator.geolocation?.getCurrentPosition((p) =>
                    setPosition({ lat: p.coords.latitude, lng: p.coords.longitude }),
                  )
                }
              >
                {t("useMyLocation")}
              </button>
              <ReserveInStore
                sku={variant.sku}
                title={`${product.title} — ${variant.title}`}
                stores={stores.filter((s) => s.reservations)}
                locations={data.locations}
                preferredStoreId={storeId}
                defaultName={defaultName}
                defaultEmail={defaultEmail}
                words={reserveWords}
                locale={locale}
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}
