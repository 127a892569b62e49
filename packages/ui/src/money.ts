/** Formats integer minor units for the locale: 12999 → "129,99 zł" in Polish, "PLN 129.99" in English. */
export function formatMoney(minor: number, currency = "PLN", locale = "pl"): string {
  return new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", { style: "currency", currency }).format(
    minor / 100,
  );
}
