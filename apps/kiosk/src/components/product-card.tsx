"use client";

import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { Price } from "@omni/ui/price";
import { ProductImage } from "@omni/ui/product-image";
import { RatingStars, type Rating } from "@omni/ui/rating-stars";

export type ProductSummary = {
  slug: string;
  title: string;
  priceMinor: number;
  listPriceMinor?: number;
  currency: string;
  inStock: boolean;
  imageHue: number;
  /** The product's first stored picture; without one its category's drawing shows. */
  imageId?: string | null;
  category?: string;
  rating?: Rating;
};

export function ProductCard({ item }: { item: ProductSummary }) {
  const locale = useLocale();
  const t = useTranslations("browse");
  return (
    <Link
      href={`/product/${encodeURIComponent(item.slug)}`}
      data-testid="product-card"
      data-slug={item.slug}
      className="flex h-full flex-col overflow-hidden rounded-3xl bg-white ring-2 ring-slate-200 active:ring-sky-500"
    >
      <ProductImage
        title={item.title}
        hue={item.imageHue}
        category={item.category}
        imageId={item.imageId}
        sizes="340px"
      />
      <div className="flex flex-1 flex-col gap-2 p-5">
        <p className="text-2xl font-semibold leading-tight">{item.title}</p>
        <Price
          priceMinor={item.priceMinor}
          listPriceMinor={item.listPriceMinor}
          currency={item.currency}
          locale={locale}
          size="lg"
        />
        {item.rating && <RatingStars rating={item.rating} locale={locale} size="lg" />}
        {!item.inStock && <p className="text-xl text-slate-500">{t("soldOut")}</p>}
      </div>
    </Link>
  );
}
