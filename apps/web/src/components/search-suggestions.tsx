"use client";

import Link from "next/link";

import { Price } from "@omni/ui/price";
import { ProductImage } from "@omni/ui/product-image";

import type { Suggestions } from "./search-box";

type Items = Suggestions["items"];

/** The header search's instant results: picture, title and price of each, then "all results". */
export function SearchSuggestions({
  items,
  query,
  allLabel,
  locale,
  onPick,
}: {
  items: Items;
  query: string;
  allLabel: string;
  locale: string;
  onPick: () => void;
}) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.slug}>
          <Link
            href={`/p/${item.slug}`}
            data-testid="search-result"
            onClick={onPick}
            className="flex items-center justify-between gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-100 focus-visible:outline-none"
          >
            <span className="w-10 shrink-0 overflow-hidden rounded bg-slate-100">
              <ProductImage
                title={item.title}
                hue={item.imageHue}
                category={item.category}
                imageId={item.imageId}
                sizes="48px"
                thumbnail
              />
            </span>
            <span className="min-w-0 flex-1 truncate">{item.title}</span>
            <Price
              priceMinor={item.priceMinor}
              listPriceMinor={item.listPriceMinor}
              currency={item.currency}
              locale={locale}
              size="sm"
            />
          </Link>
        </li>
      ))}
      <li className="border-t border-slate-200">
        <Link
          href={`/search?q=${encodeURIComponent(query)}`}
          onClick={onPick}
          className="block px-4 py-3 font-semibold text-sky-800 hover:bg-slate-50"
        >
          {allLabel}
        </Link>
      </li>
    </ul>
  );
}
