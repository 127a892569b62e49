"use client";

import { listingQuery, type ListingFilters } from "@/lib/search-params";
import { sortSizes } from "@/lib/variants";
import { translator, type Words } from "@/lib/words";
import { usePathname, useRouter } from "next/navigation";
import { useState, useTransition } from "react";

import { formatMoney } from "@omni/core";

type FacetValue = { value: string; label?: string; count: number };
type Facets = {
  total: number;
  categories: FacetValue[];
  sizes: FacetValue[];
  colours: FacetValue[];
  priceBands: { minMinor: number; maxMinor: number | null; count: number }[];
  availableInStore: { storeId: string; count: number } | null;
};

/**
 * Filters and sort of a category or search listing. Every change rewrites the URL (dropping the
 * cursor, since the results change), so the page can be shared, reloaded and navigated back.
 */
export function ListingFiltersForm({
  filters,
  facets,
  query,
  showCategories = false,
  myStoreName,
  words,
  locale,
}: {
  /** The "listing" messages in the reader's language (the page has no client message catalogue). */
  words: Words<"listing">;
  locale: string;
  filters: ListingFilters;
  facets: Facets;
  query?: string;
  showCategories?: boolean;
  myStoreName: string | null;
}) {
  const t = translator(words);
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [min, setMin] = useState(filters.minPriceMinor != null ? String(filters.minPriceMinor / 100) : "");
  const [max, setMax] = useState(filters.maxPriceMinor != null ? String(filters.maxPriceMinor / 100) : "");

  const go = (next: Partial<ListingFilters>) => {
    startTransition(() =>
      router.push(`${pathname}${listingQuery({ ...filters, ...next, cursor: undefined }, query)}`, { scroll: false }),
    );
  };
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  const toMinor = (text: string) => {
    const n = Number.parseFloat(text.replace(",", "."));
    return Number.isFinite(n) && n >= 0 ? Math.round(n * 100) : undefined;
  };
  const activeCount =
    filters.sizes.length +
    filters.colours.length +
    (filters.minPriceMinor != null ? 1 : 0) +
    (filters.maxPriceMinor != null ? 1 : 0) +
    (filters.inMyStore ? 1 : 0);
  const chip = (on: boolean) =>
    `inline-flex min-h-10 min-w-10 items-center justify-center rounded-lg px-3 text-sm ring-1 ring-inset focus-within:outline focus-within:outline-2 focus-within:outline-sky-600 cursor-pointer ${on ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-800 ring-slate-300 hover:ring-slate-500"}`;

  return (
    <div data-testid="listing-filters" aria-busy={pending} className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-sm">
          <span className="font-medium">{t("sort")}</span>
          <select
            data-testid="sort-select"
            value={filters.sort}
            onChange={(e) => go({ sort: e.target.value as ListingFilters["sort"] })}
            className="min-h-10 rounded-lg border border-slate-300 bg-white px-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            <option value="relevance">{t("sortRelevance")}</option>
            <option value="price_asc">{t("sortPriceAsc")}</option>
            <option value="price_desc">{t("sortPriceDesc")}</option>
            <option value="newest">{t("sortNewest")}</option>
          </select>
        </label>
        <label className={chip(filters.inMyStore)}>
          <input
            type="checkbox"
            data-testid="filter-my-store"
            className="sr-only"
            checked={filters.inMyStore}
            disabled={!myStoreName}
            onChange={() => go({ inMyStore: !filters.inMyStore })}
          />
          {myStoreName ? t("inMyStore", { store: myStoreName }) : t("inMyStoreNone")}
          {facets.availableInStore && <Count n={facets.availableInStore.count} />}
        </label>
      </div>
      <details className="rounded-xl border border-slate-200">
        <summary className="flex min-h-11 cursor-pointer items-center px-4 font-semibold focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600">
          {t("filters")}
          {activeCount > 0 && (
            <span className="ml-2 rounded-full bg-slate-900 px-2 text-xs text-white">{activeCount}</span>
          )}
        </summary>
        <div className="space-y-4 border-t border-slate-200 p-4">
          {facets.sizes.length > 0 && (
            <fieldset>
              <legend className="mb-2 text-sm font-semibold">{t("size")}</legend>
              <div className="flex flex-wrap gap-2">
                {sortSizes(facets.sizes.map((f) => f.value)).map((size) => (
                  <label key={size} className={chip(filters.sizes.includes(size))}>
                    <input
                      type="checkbox"
                      className="sr-only"
                      data-testid="filter-size"
                      checked={filters.sizes.includes(size)}
                      onChange={() => go({ sizes: toggle(filters.sizes, size) })}
                    />
                    {facets.sizes.find((f) => f.value === size)?.label ?? size}
                    <Count n={facets.sizes.find((f) => f.value === size)?.count ?? 0} />
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {facets.colours.length > 0 && (
            <fieldset>
              <legend className="mb-2 text-sm font-semibold">{t("colour")}</legend>
              <div className="flex flex-wrap gap-2">
                {facets.colours.map(({ value: colour, label, count }) => (
                  <label key={colour} className={chip(filters.colours.includes(colour))}>
                    <input
                      type="checkbox"
                      className="sr-only"
                      data-testid="filter-colour"
                      checked={filters.colours.includes(colour)}
                      onChange={() => go({ colours: toggle(filters.colours, colour) })}
                    />
                    {label ?? colour}
                    <Count n={count} />
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          {showCategories && facets.categories.length > 0 && (
            <fieldset>
              <legend className="mb-2 text-sm font-semibold">{t("category")}</legend>
              <div className="flex flex-wrap gap-2">
                {facets.categories.map(({ value, label, count }) => (
                  <label key={value} className={chip(filters.category === value)}>
                    <input
                      type="checkbox"
                      className="sr-only"
                      data-testid="filter-category"
                      checked={filters.category === value}
                      onChange={() => go({ category: filters.category === value ? undefined : value })}
                    />
                    {label ?? value}
                    <Count n={count} />
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <fieldset>
            <legend className="mb-2 text-sm font-semibold">{t("priceBand")}</legend>
            <div className="flex flex-wrap gap-2">
              {facets.priceBands.map(({ minMinor, maxMinor, count }) => {
                const on = filters.minPriceMinor === minMinor && filters.maxPriceMinor === (maxMinor ?? undefined);
                return (
                  <label key={minMinor} className={chip(on)}>
                    <input
                      type="checkbox"
                      className="sr-only"
                      data-testid="filter-price-band"
                      checked={on}
                      disabled={count === 0 && !on}
                      onChange={() =>
                        go(
                          on
                            ? { minPriceMinor: undefined, maxPriceMinor: undefined }
                            : { minPriceMinor: minMinor, maxPriceMinor: maxMinor ?? undefined },
                        )
                      }
                    />
                    {maxMinor == null
                      ? t("priceFrom", { price: formatMoney(minMinor, "PLN", locale) })
                      : t("priceUpTo", { price: formatMoney(maxMinor + 1, "PLN", locale) })}
                    <Count n={count} />
                  </label>
                );
              })}
            </div>
          </fieldset>
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              go({ minPriceMinor: toMinor(min), maxPriceMinor: toMinor(max) });
            }}
          >
            <fieldset className="flex flex-wrap items-end gap-2">
              <legend className="mb-2 text-sm font-semibold">{t("price")}</legend>
              <label className="text-sm">
                <span className="block text-slate-700">{t("min")}</span>
                <input
                  inputMode="decimal"
                  value={min}
                  onChange={(e) => setMin(e.target.value)}
                  data-testid="filter-min"
                  className="min-h-10 w-24 rounded-lg border border-slate-300 px-2"
                />
              </label>
              <label className="text-sm">
                <span className="block text-slate-700">{t("max")}</span>
                <input
                  inputMode="decimal"
                  value={max}
                  onChange={(e) => setMax(e.target.value)}
                  data-testid="filter-max"
                  className="min-h-10 w-24 rounded-lg border border-slate-300 px-2"
                />
              </label>
              <button
                type="submit"
                className="min-h-10 rounded-lg bg-slate-900 px-3 text-sm font-semibold text-white focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
              >
                {t("apply")}
              </button>
            </fieldset>
          </form>
          {activeCount > 0 && (
            <button
              type="button"
              onClick={() =>
                go({ sizes: [], colours: [], minPriceMinor: undefined, maxPriceMinor: undefined, inMyStore: false })
              }
              className="text-sm font-semibold text-sky-800 underline"
            >
              {t("clear")}
            </button>
          )}
        </div>
      </details>
    </div>
  );
}

/** How many products a choice would leave, beside the choice. */
function Count({ n }: { n: number }) {
  return <span className="ml-1.5 text-xs opacity-70">({n})</span>;
}
