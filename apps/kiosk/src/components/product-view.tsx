"use client";

import { useAddToCart } from "@/lib/use-add-to-cart";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, useState } from "react";

import { Button } from "@omni/ui/button";
import { PickupPromise } from "@omni/ui/pickup-promise";
import { Price } from "@omni/ui/price";
import { ProductImage } from "@omni/ui/product-image";
import { QrCode } from "@omni/ui/qr-code";
import { RatingStars, type Rating } from "@omni/ui/rating-stars";
import { Spinner } from "@omni/ui/spinner";
import { StockBadge } from "@omni/ui/stock-badge";
import { StoreAvailability } from "@omni/ui/store-availability";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { RecommendedProducts } from "./recommended-products";
import { optionNames, optionsOf, variantOf, VariantPicker, type Choice, type Variant } from "./variant-picker";

type Product = {
  slug: string;
  title: string;
  description: string;
  currency: string;
  finalSale: boolean;
  imageHue: number;
  category: string;
  categoryLabel: string;
  variants: (Variant & { priceMinor: number; listPriceMinor: number })[];
  images: { id: string; colour: string | null }[];
  rating?: Rating;
};
type Availability = { sku: string; locations: { storeId: string; available: number }[] };

/** A product as the kiosk shows it: what this store has and where, then other stores, then delivery. */
export function ProductView({
  product,
  shopUrl,
  initialSku,
  initialAvailability,
}: {
  product: Product;
  shopUrl: string;
  initialSku?: string;
  /** Every variant's stock when the page was made: sizes this store lacks are marked. */
  initialAvailability: Availability[];
}) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("product");
  const locale = useLocale();
  const trpc = useTRPC();
  const { kiosk } = useKiosk();
  const hereOf = new Map(
    initialAvailability.map((a) => [a.sku, a.locations.find((l) => l.storeId === kiosk.storeId)?.available ?? 0]),
  );
  // Nothing is picked for the shopper but the colour shown first (one this store has, if any) and single-valued
  // options; a link to a variant (`?sku=`, the phone's QR code) is a choice made.
  const [choice, setChoice] = useState<Choice>(() => {
    const linked = product.variants.find((v) => v.sku === initialSku);
    if (linked) return { ...optionsOf(linked), sku: linked.sku };
    const first = product.variants.find((v) => (hereOf.get(v.sku) ?? 0) > 0) ?? product.variants[0];
    const single = Object.fromEntries(
      optionNames(product.variants)
        .map((n) => [n, [...new Set(product.variants.map((v) => optionsOf(v)[n]))]] as const)
        .filter(([, values]) => values.length === 1)
        .map(([n, values]) => [n, values[0]]),
    );
    return { colour: first ? optionsOf(first).colour : undefined, ...single };
  });
  const variant = variantOf(product.variants, choice);
  const sku = variant?.sku ?? "";
  // Before the size is chosen: the cheapest of the chosen colour.
  const shown =
    variant ??
    [...product.variants]
      .filter((v) => !choice.colour || optionsOf(v).colour === choice.colour)
      .sort((a, b) => a.priceMinor - b.priceMinor)[0];
  // The picture follows the colour: that colour's first, else one for every colour, else any.
  const picture =
    product.images.find((i) => i.colour === choice.colour) ??
    product.images.find((i) => i.colour === null) ??
    product.images[0];
  const availability = useQuery({
    ...trpc.inventory.availability.queryOptions({ sku }),
    enabled: !!sku,
    refetchInterval: 30_000,
  });
  const stores = useQuery(trpc.stores.list.queryOptions());
  const addToCart = useAddToCart();
  const here = availability.data?.locations.find((l) => l.storeId === kiosk.storeId);
  const others = useMemo(
    () => availability.data?.locations.filter((l) => l.storeId !== kiosk.storeId) ?? [],
    [availability.data, kiosk.storeId],
  );
  const storeList = useMemo(
    () =>
      (stores.data ?? [])
        .filter((s) => s.type === "store")
        .map((s) => ({ id: s.id, name: s.name, city: s.city, lat: s.lat, lng: s.lng })),
    [stores.data],
  );
  const phoneLink = `${shopUrl}/p/${encodeURIComponent(product.slug)}${sku ? `?sku=${encodeURIComponent(sku)}` : ""}`;

  if (!shown) return <KioskError message={t("noVariants")} />;
  const availableHere = here?.available ?? 0;

  return (
    <article className="flex flex-col gap-8 px-8 py-8" data-testid="product-page" data-slug={product.slug}>
      <div className="flex gap-8">
        <div className="w-[360px] shrink-0 overflow-hidden rounded-3xl">
          <ProductImage
            key={picture?.id}
            title={product.title}
            hue={product.imageHue}
            category={product.category}
            imageId={picture?.id}
            sizes="360px"
            priority
          />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-4">
          <p className="text-2xl text-slate-500">{product.categoryLabel}</p>
          <h1 data-testid="product-title" className="text-5xl font-bold leading-tight">
            {product.title}
          </h1>
          <Price
            priceMinor={shown.priceMinor}
            listPriceMinor={shown.listPriceMinor}
            currency={product.currency}
            locale={locale}
            size="xl"
          />
          {product.rating && <RatingStars rating={product.rating} locale={locale} size="lg" showEmpty />}
          {product.finalSale && <p className="text-2xl font-medium text-amber-800">{t("finalSale")}</p>}
          <p className="line-clamp-4 text-2xl text-slate-700">{product.description}</p>
        </div>
      </div>

      <VariantPicker
        variants={product.variants}
        choice={choice}
        onChoose={(next) => {
          setChoice(next);
          addToCart.reset();
        }}
        soldOutHere={(s) => (hereOf.get(s) ?? 0) <= 0}
      />

      {!variant && (
        <p data-testid="choose-size" className="rounded-3xl bg-slate-100 p-8 text-4xl font-semibold text-slate-800">
          {t("chooseSize")}
        </p>
      )}
      {variant && (
        <>
          <section
            data-testid="in-this-store"
            data-available={availability.data ? availableHere : undefined}
            data-aisle={here?.aisle ?? undefined}
            aria-live="polite"
            className={`rounded-3xl p-8 ${availableHere > 0 ? "bg-emerald-50 ring-2 ring-emerald-300" : "bg-slate-100 ring-2 ring-slate-200"}`}
          >
            <h2 className="text-2xl font-semibold uppercase tracking-wide text-slate-600">
              {t("inThisStore", { store: kiosk.storeName })}
            </h2>
            {availability.isPending ? (
              <Spinner locale={locale} className="text-2xl" />
            ) : availability.error ? (
              <KioskError message={errorMessage(availability.error)} onRetry={() => void availability.refetch()} />
            ) : availableHere > 0 ? (
              <p className="mt-3 text-5xl font-bold text-emerald-900">
                {here?.aisle
                  ? t("aisleLeft", { aisle: here.aisle, count: availableHere })
                  : t("left", { count: availableHere })}
              </p>
            ) : (
              <div className="mt-3 flex flex-col gap-2">
                <p className="text-5xl font-bold text-slate-800">{t("notHere")}</p>
                <p data-testid="endless-aisle" className="text-2xl text-slate-700">
                  {t("endlessAisle")}
                </p>
              </div>
            )}
            {here?.pickup && <PickupPromise promise={here.pickup} locale={locale} className="mt-3 !text-2xl" />}
          </section>

          <div className="grid grid-cols-2 gap-4">
            <Button
              size="lg"
              data-testid="add-to-cart"
              busy={addToCart.isPending}
              onClick={() => addToCart.mutate({ sku })}
              className="min-h-24! rounded-2xl! text-3xl!"
            >
              {t("addToCart")}
            </Button>
            {kiosk.reservations && availableHere > 0 ? (
              <Link
                href={`/reservations/new?sku=${encodeURIComponent(sku)}&slug=${encodeURIComponent(product.slug)}`}
                data-testid="reserve-here"
                className="flex min-h-24 items-center justify-center rounded-2xl text-3xl font-semibold ring-2 ring-inset ring-slate-300 active:bg-slate-100"
              >
                {t("reserveHere")}
              </Link>
            ) : (
              <span />
            )}
          </div>
          {addToCart.isSuccess && (
            <div
              data-testid="added-to-cart"
              role="status"
              className="flex items-center justify-between rounded-2xl bg-emerald-50 p-6 text-3xl text-emerald-900 ring-2 ring-emerald-300"
            >
              {t("added")}
              <Link
                href="/cart"
                data-testid="go-to-cart"
                className="flex min-h-16 items-center rounded-xl bg-emerald-800 px-6 font-semibold text-white"
              >
                {t("goToCart")}
              </Link>
            </div>
          )}
          {addToCart.error && <KioskError message={errorMessage(addToCart.error)} />}
        </>
      )}

      {availability.data && (
        <div className="text-2xl [&_li]:py-5 [&_p]:text-2xl [&_h2]:text-2xl [&_[data-testid=stock-badge]]:px-4 [&_[data-testid=stock-badge]]:py-1 [&_[data-testid=stock-badge]]:text-xl">
          <StoreAvailability stores={storeList} locations={others} locale={locale} title={t("otherStores")} />
        </div>
      )}

      {availability.data && (
        <section
          data-testid="home-delivery-panel"
          data-available={availability.data.online}
          className="flex items-center justify-between rounded-3xl p-8 ring-2 ring-slate-200"
        >
          <div>
            <h2 className="text-3xl font-semibold">{t("homeDelivery")}</h2>
            <p className="text-2xl text-slate-600">
              {availability.data.online > 0 ? t("deliveryYes") : t("deliveryNo")}
            </p>
          </div>
          <StockBadge available={availability.data.online} locale={locale} size="lg" />
        </section>
      )}

      <RecommendedProducts slug={product.slug} />

      <section className="flex items-center gap-8 rounded-3xl bg-slate-50 p-8">
        <div data-testid="continue-on-phone-qr" data-url={phoneLink} className="shrink-0 rounded-xl bg-white p-3">
          <QrCode value={phoneLink} size={220} label={t("continueOnPhone")} />
        </div>
        <div>
          <h2 className="text-4xl font-semibold">{t("continueOnPhone")}</h2>
          <p className="mt-2 text-2xl text-slate-600">{t("continueOnPhoneHelp")}</p>
        </div>
      </section>
    </article>
  );
}
