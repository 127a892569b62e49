/** The catalogue's content language for a next-intl locale: the procedures take it and answer in it. */
export const lang = (locale: string): "pl" | "en" => (locale === "pl" ? "pl" : "en");
