export type Locale = "pl" | "en";

/** Formats integer minor units for the locale: 12999 → "129,99 zł" in Polish, "PLN 129.99" in English. */
export function formatMoney(minor: number, currency = "PLN", locale: string = "pl"): string {
  return new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", { style: "currency", currency }).format(
    minor / 100,
  );
}

/** Minor units as a plain decimal, for form fields and structured data: 12999 → "129.99". */
export function minorToDecimal(minor: number): string {
  return (minor / 100).toFixed(2);
}
