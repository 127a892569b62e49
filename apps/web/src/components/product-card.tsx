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

export function ProductCard({
  item,
  locale,
  outOfStockLabel,
}: {
  item: ProductCardItem;
  locale: string;
  outOfStockLabel: string;
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
          sizes="(min-width: 1024px) 25vw, (min-width: 768px) 33vw, 50vw"
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
