import { formatMoney } from "@omni/core";

/** A price, with the list price struck through when a promotion lowers it. The same in every app. */
export function Price({
  priceMinor,
  listPriceMinor,
  currency = "PLN",
  locale = "pl",
  size = "md",
}: {
  priceMinor: number;
  listPriceMinor?: number;
  currency?: string;
  locale?: string;
  size?: "sm" | "md" | "lg" | "xl";
}) {
  const reduced = listPriceMinor != null && listPriceMinor > priceMinor;
  const text = { sm: "text-sm", md: "text-base", lg: "text-xl", xl: "text-4xl" }[size];
  return (
    <span className={`inline-flex flex-wrap items-baseline gap-2 ${text}`} data-testid="price">
      <span className={`font-semibold ${reduced ? "text-red-700" : "text-slate-900"}`}>
        {formatMoney(priceMinor, currency, locale)}
      </span>
      {reduced && (
        <s className="text-slate-500 text-[0.8em]" aria-label={locale === "pl" ? "Cena regularna" : "Regular price"}>
          {formatMoney(listPriceMinor, currency, locale)}
        </s>
      )}
    </span>
  );
}
