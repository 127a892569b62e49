/** The listing's filters as they live in the URL, so a filtered page can be shared and reloaded. */
export type ListingFilters = {
  /** A category chosen on the search page (a category page has its own). */
  category?: string;
  sizes: string[];
  colours: string[];
  minPriceMinor?: number;
  maxPriceMinor?: number;
  inMyStore: boolean;
  sort: "relevance" | "price_asc" | "price_desc" | "newest";
  cursor?: string;
};

type Raw = Record<string, string | string[] | undefined>;

const list = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value : value ? value.split(",") : [])
    .map((v) => v.trim())
    .filter(Boolean)
    .slice(0, 20);
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const zloty = (value: string | string[] | undefined) => {
  const n = Number.parseFloat(first(value)?.replace(",", ".") ?? "");
  return Number.isFinite(n) && n >= 0 && n < 1_000_000 ? Math.round(n * 100) : undefined;
};
const sorts = ["relevance", "price_asc", "price_desc", "newest"] as const;

export function parseListingFilters(raw: Raw): ListingFilters {
  const sort = first(raw.sort);
  const cursor = first(raw.cursor);
  const category = first(raw.category)?.trim();
  return {
    category: category && category.length <= 64 ? category : undefined,
    sizes: list(raw.size),
    colours: list(raw.colour),
    minPriceMinor: zloty(raw.min),
    maxPriceMinor: zloty(raw.max),
    inMyStore: first(raw.store) === "1",
    sort: sorts.find((s) => s === sort) ?? "relevance",
    cursor: cursor && cursor.length <= 32 ? cursor : undefined,
  };
}

/** Builds the query string of a listing URL; `q` is kept for search pages. */
export function listingQuery(filters: Partial<ListingFilters>, q?: string): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (filters.category) params.set("category", filters.category);
  if (filters.sizes?.length) params.set("size", filters.sizes.join(","));
  if (filters.colours?.length) params.set("colour", filters.colours.join(","));
  if (filters.minPriceMinor != null) params.set("min", String(filters.minPriceMinor / 100));
  if (filters.maxPriceMinor != null) params.set("max", String(filters.maxPriceMinor / 100));
  if (filters.inMyStore) params.set("store", "1");
  if (filters.sort && filters.sort !== "relevance") params.set("sort", filters.sort);
  if (filters.cursor) params.set("cursor", filters.cursor);
  const text = params.toString();
  return text ? `?${text}` : "";
}
