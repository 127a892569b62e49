/** The languages of catalogue content. English is the default: it is the language of the public API contract. */
export type Locale = "pl" | "en";

/** Polish content when the shopper reads Polish and the product has it; English otherwise. */
export function contentIn(locale: Locale | undefined, english: string, polish: string | null | undefined): string {
  return locale === "pl" && polish ? polish : english;
}
