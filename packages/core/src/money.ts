export type Locale = "pl" | "en";

// Making an Intl.NumberFormat costs far more than using one: one per language and currency, kept.
const formats = new Map<string, Intl.NumberFormat>();

/** Formats integer minor units for the locale: 12999 → "129,99 zł" in Polish, "PLN 129.99" in English. */
export function formatMoney(minor: number, currency = "PLN", locale: string = "pl"): string {
  const tag = locale === "pl" ? "pl-PL" : "en-GB";
  let format = formats.get(`${tag} ${currency}`);
  if (!format) {
    format = new Intl.NumberFormat(tag, { style: "currency", currency });
    formats.set(`${tag} ${currency}`, format);
  }
  return format.format(minor / 100);
}

/** Minor units as a plain decimal, for form fields and structured data: 12999 → "129.99". */
export function minorToDecimal(minor: number): string {
  return (minor / 100).toFixed(2);
}
