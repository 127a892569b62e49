import { lang } from "@/lib/lang";
import { preferredStoreId } from "@/lib/preferred-store";
import { listingQuery, parseListingFilters } from "@/lib/search-params";
import { serverApi } from "@/server/api";
import { wordsOf } from "@/server/words";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { EmptyState } from "@omni/ui/empty-state";

import { ListingFiltersForm } from "./listing-filters";
import { cardLoad, ProductCard } from "./product-card";

const PAGE_SIZE = 24;

/** A category or search listing: filters, sort and cursor pagination all kept in the URL. */
export async function ProductListing({
  title,
  category,
  query,
  searchParams,
  basePath,
}: {
  title: string;
  category?: string;
  query?: string;
  searchParams: Record<string, string | string[] | undefined>;
  basePath: string;
}) {
  const [t, locale, api, storeId] = await Promise.all([
    getTranslations("listing"),
    getLocale(),
    serverApi(),
    preferredStoreId(),
  ]);
  const filters = parseListingFilters(searchParams);
  const stores = await api.stores.list();
  const myStore = stores.find((s) => s.id === storeId && s.type === "store") ?? null;
  const chosen = {
    query,
    category: category ?? filters.category,
    sizes: filters.sizes,
    colours: filters.colours,
    minPriceMinor: filters.minPriceMinor,
    maxPriceMinor: filters.maxPriceMinor,
    availableIn: filters.inMyStore && myStore ? myStore.id : undefined,
    locale: lang(locale),
  };
  const [facets, result] = await Promise.all([
    api.catalog.facets({ ...chosen, storeId: myStore?.id }),
    api.catalog.search({ ...chosen, limit: PAGE_SIZE, cursor: filters.cursor, sort: filters.sort }),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <ListingFiltersForm
        filters={filters}
        facets={facets}
        query={query}
        showCategories={!category}
        myStoreName={myStore?.city ?? null}
        words={await wordsOf("listing")}
        locale={locale}
      />
      {result.didYouMean && (
        <p data-testid="did-you-mean" className="text-slate-700">
          {t("didYouMean")}{" "}
          <Link
            href={`${basePath}${listingQuery({}, result.didYouMean)}`}
            className="font-semibold text-sky-800 underline"
          >
            {result.didYouMean}
          </Link>
        </p>
      )}
      {result.items.length === 0 ? (
        <EmptyState
          title={t("empty")}
          action={
            <Link href={`${basePath}${listingQuery({}, query)}`} className="font-semibold text-sky-800 underline">
              {t("clear")}
            </Link>
          }
        >
          {t("emptyHint")}
        </EmptyState>
      ) : (
        <ul data-testid="product-list" className="grid grid-cols-2 gap-x-3 gap-y-6 sm:grid-cols-3 lg:grid-cols-4">
          {result.items.map((item, index) => (
            <li key={item.slug}>
              <ProductCard item={item} locale={locale} outOfStockLabel={t("outOfStock")} load={cardLoad(index)} />
            </li>
          ))}
        </ul>
      )}
      <nav aria-label={t("pages")} className="flex flex-wrap items-center justify-between gap-3 pt-2">
        {filters.cursor ? (
          <Link
            href={`${basePath}${listingQuery({ ...filters, cursor: undefined }, query)}`}
            data-testid="first-page"
            className="inline-flex min-h-11 items-center rounded-lg px-4 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50"
          >
            {t("firstPage")}
          </Link>
        ) : (
          <span />
        )}
        {result.nextCursor && (
          <Link
            href={`${basePath}${listingQuery({ ...filters, cursor: result.nextCursor }, query)}`}
            data-testid="next-page"
            className="inline-flex min-h-11 items-center rounded-lg bg-slate-900 px-4 font-semibold text-white hover:bg-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          >
            {t("nextPage")}
          </Link>
        )}
      </nav>
    </div>
  );
}
