"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { formatMoney } from "@omni/core";
import { ProductImage } from "@omni/ui/product-image";
import { Spinner } from "@omni/ui/spinner";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { Screen } from "./screen";
import { optionsOf, variantOf, VariantPicker, type Choice } from "./variant-picker";

/** The replacement a shopper chose for one returned line: priced as every channel prices it. */
export type Replacement = { sku: string; productTitle: string; variantTitle: string; priceMinor: number };

/**
 * Choosing what a returned item is exchanged for: the same product in another size or colour (the
 * product is found by the returned SKU), or another product of its category that this store has.
 * Received here, the replacement leaves this store's shelf, so only what the shelf holds can be chosen.
 */
export function ExchangePicker({
  line,
  units,
  onPick,
  onBack,
}: {
  line: { sku: string; title: string };
  units: number;
  onPick: (replacement: Replacement) => void;
  onBack: () => void;
}) {
  const t = useTranslations("returns.exchange");
  const locale = useLocale();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const { kiosk } = useKiosk();
  const lang = locale === "pl" ? "pl" : "en";
  const original = useQuery(trpc.catalog.search.queryOptions({ query: line.sku, limit: 1, locale: lang }));
  const [chosenSlug, setChosenSlug] = useState<string | null>(null);
  const slug = chosenSlug ?? original.data?.items[0]?.slug ?? null;
  const product = useQuery({
    ...trpc.catalog.product.queryOptions({ slug: slug ?? "", locale: lang }),
    enabled: !!slug,
  });
  const [pickedSku, setPickedSku] = useState<string | null>(null);
  // A colour picked before its size: no variant yet, so the choice is kept until it is complete.
  const [partial, setPartial] = useState<Choice | null>(null);
  const variants = product.data?.variants ?? [];
  // The returned SKU itself is not a replacement: start on it only to show where the shopper is.
  const sku = pickedSku ?? (chosenSlug ? variants[0]?.sku : line.sku) ?? "";
  const variant = variants.find((v) => v.sku === sku);
  const availability = useQuery({ ...trpc.inventory.availability.queryOptions({ sku }), enabled: !!sku });
  const here = availability.data?.locations.find((l) => l.storeId === kiosk.storeId)?.available ?? 0;
  const [browsing, setBrowsing] = useState(false);
  const others = useQuery({
    ...trpc.catalog.search.queryOptions({
      category: product.data?.category,
      availableIn: kiosk.storeId,
      limit: 7,
      locale: lang,
    }),
    enabled: browsing && !!product.data,
  });

  const canChoose = !!variant && sku !== line.sku && here >= units;
  const back = (
    <button
      type="button"
      data-testid="exchange-back"
      onClick={browsing ? () => setBrowsing(false) : onBack}
      className="min-h-20 rounded-2xl text-3xl ring-2 ring-inset ring-slate-300 active:bg-slate-100"
    >
      {t("back")}
    </button>
  );

  if (browsing) {
    const items = (others.data?.items ?? []).filter((i) => i.slug !== slug).slice(0, 6);
    return (
      <Screen title={t("otherTitle")} help={t("otherHelp", { store: kiosk.storeName })} testId="exchange-other">
        {others.isPending ? (
          <Spinner locale={locale} className="text-2xl" />
        ) : others.error ? (
          <KioskError message={errorMessage(others.error)} onRetry={() => void others.refetch()} />
        ) : items.length === 0 ? (
          <p className="text-3xl text-slate-600">{t("noOthers")}</p>
        ) : (
          <ul className="grid grid-cols-3 gap-5">
            {items.map((item) => (
              <li key={item.slug}>
                <button
                  type="button"
                  data-testid="exchange-product"
                  data-slug={item.slug}
                  onClick={() => {
                    setChosenSlug(item.slug);
                    setPickedSku(null);
                    setPartial(null);
                    setBrowsing(false);
                  }}
                  className="flex h-full w-full flex-col overflow-hidden rounded-3xl bg-white text-left ring-2 ring-slate-200 active:ring-sky-500"
                >
                  <ProductImage title={item.title} hue={item.imageHue} category={item.category} />
                  <span className="flex flex-col gap-1 p-4">
                    <span className="text-2xl font-semibold leading-tight">{item.title}</span>
                    <span className="text-2xl">{formatMoney(item.priceMinor, item.currency, locale)}</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {back}
      </Screen>
    );
  }

  return (
    <Screen title={t("title")} help={t("help", { item: line.title })} testId="exchange-picker">
      {original.isPending || (slug && product.isPending) ? (
        <Spinner locale={locale} className="text-2xl" />
      ) : product.error || original.error ? (
        <KioskError message={errorMessage((product.error ?? original.error)!)} onRetry={() => void product.refetch()} />
      ) : !product.data ? (
        <p className="text-3xl text-slate-600">{t("notSoldNow")}</p>
      ) : (
        <>
          <div className="flex items-center gap-6">
            <div className="w-40 shrink-0 overflow-hidden rounded-2xl">
              <ProductImage title={product.data.title} hue={product.data.imageHue} category={product.data.category} />
            </div>
            <div className="min-w-0">
              <p data-testid="exchange-product-title" className="text-4xl font-semibold">
                {product.data.title}
              </p>
              {variant && (
                <p className="mt-2 text-3xl text-slate-700">
                  {variant.title} · {formatMoney(variant.priceMinor, product.data.currency, locale)}
                </p>
              )}
            </div>
          </div>
          <VariantPicker
            variants={variants}
            choice={partial ?? (variant ? { ...optionsOf(variant), sku: variant.sku } : {})}
            onChoose={(next) => {
              const complete = variantOf(variants, next);
              setPartial(complete ? null : next);
              if (complete) setPickedSku(complete.sku);
            }}
            soldOutHere={(s) => s === sku && !availability.isPending && here <= 0}
          />
          <p
            data-testid="exchange-stock"
            data-available={here}
            className={`text-3xl font-semibold ${here >= units ? "text-emerald-800" : "text-red-800"}`}
          >
            {sku === line.sku
              ? t("sameAsReturned")
              : availability.isPending
                ? "…"
                : here >= units
                  ? t("inStockHere", { count: here })
                  : t("notHere")}
          </p>
          <button
            type="button"
            data-testid="exchange-choose"
            disabled={!canChoose}
            onClick={() =>
              variant &&
              onPick({
                sku: variant.sku,
                productTitle: product.data.title,
                variantTitle: variant.title,
                priceMinor: variant.priceMinor,
              })
            }
            className="min-h-24 rounded-2xl bg-slate-900 text-4xl font-semibold text-white disabled:bg-slate-400"
          >
            {t("choose")}
          </button>
        </>
      )}
      <button
        type="button"
        data-testid="exchange-browse"
        onClick={() => setBrowsing(true)}
        disabled={!product.data}
        className="min-h-20 rounded-2xl text-3xl font-semibold ring-2 ring-inset ring-slate-300 active:bg-slate-100"
      >
        {t("otherProduct")}
      </button>
      {back}
    </Screen>
  );
}
