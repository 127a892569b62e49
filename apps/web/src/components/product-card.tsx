import Link from "next/link";

import { Price } from "@omni/ui/price";
import { ProductImage } from "@omni/ui/product-image";
import { RatingStars, type Rating } from "@omni/ui/rating-stars";

export type ProductCardItem = {
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
  promotion?: string | null;
  rating?: Rating;
};

/** A grid of 2 columns on a phone, 3 and 4 wider, in a page at most 72rem (1152 px) wide. */
const cardSizes = "(min-width: 1152px) 288px, (min-width: 1024px) 25vw, (min-width: 768px) 33vw, 50vw";

/**
 * Which cards of a grid are on a phone's first screen: the first row's two pictures (one of them is the page's largest
 * paint) come first and at once; the next two (the first row of a wide screen, the top of a phone's second row) come
 * at once too; the rest load as the shopper scrolls.
 */
export const cardLoad = (index: number) => (index < 2 ? "priority" : index < 4 ? "eager" : "lazy");

export function ProductCard({
  item,
  locale,
  outOfStockLabel,
  load = "lazy",
}: {
  item: ProductCardItem;
  locale: string;
  outOfStockLabel: string;
  /** Where the card shows: `priority` for the first screen's largest picture, `eager` for the rest of it. */
  load?: "priority" | "eager" | "lazy";
}) {
  return (
    <Link
      href={`/p/${item.slug}`}
      data-testid="product-card"
      data-slug={item.slug}
      className="group block rounded-xl focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
    >
      <div className="relative overflow-hidden rounded-xl bg-slate-100">
        <ProductImage
          title={item.title}
          hue={item.imageHue}
          category={item.category}
          imageId={item.imageId}
          sizes={cardSizes}
          priority={load === "priority"}
          eager={load === "eager"}
          className={item.inStock ? "" : "opacity-60"}
        />
        {item.promotion && (
          <span className="absolute left-2 top-2 rounded bg-red-700 px-2 py-0.5 text-xs font-bold text-white">
            {item.promotion}
          </span>
        )}
      </div>
      <p className="mt-2 line-clamp-2 text-sm font-medium text-slate-900 group-hover:underline">{item.title}</p>
      <Price
        priceMinor={item.priceMinor}
        listPriceMinor={item.listPriceMinor}
        currency={item.currency}
        locale={locale}
        size="sm"
      />
      {item.rating && <RatingStars rating={item.rating} locale={locale} />}
      {!item.inStock && <p className="text-xs text-slate-600">{outOfStockLabel}</p>}
    </Link>
  );
}
