/** The languages of catalogue content. English is the default: it is the language of the public API contract. */
export type Locale = "pl" | "en";

/** Polish content when the shopper reads Polish and the product has it; English otherwise. */
export function contentIn(locale: Locale | undefined, english: string, polish: string | null | undefined): string {
  return locale === "pl" && polish ? polish : english;
}

/** Polish names of the colours the catalogue uses; option values stay English because filters and SKUs key on them. */
const coloursPl: Record<string, string> = {
  Black: "Czarny",
  White: "Biały",
  Navy: "Granatowy",
  Olive: "Oliwkowy",
  Sand: "Piaskowy",
  Burgundy: "Bordowy",
  Grey: "Szary",
  "Sky Blue": "Błękitny",
  Rust: "Rdzawy",
  "Forest Green": "Butelkowa zieleń",
  Yellow: "Żółty",
  Red: "Czerwony",
  Blue: "Niebieski",
  Green: "Zielony",
  Brown: "Brązowy",
  Beige: "Beżowy",
  Pink: "Różowy",
};

export function colourLabel(locale: Locale | undefined, colour: string): string {
  return locale === "pl" ? (coloursPl[colour] ?? colour) : colour;
}

/** Sizes are the same in both languages except the one-size label. */
export function sizeLabel(locale: Locale | undefined, size: string): string {
  return locale === "pl" && size === "One size" ? "Jeden rozmiar" : size;
}

/** A variant's name from its options, in the shopper's language ("Czarny / M"). */
export function variantLabel(
  locale: Locale | undefined,
  options: { size?: string; colour?: string },
  fallback: string,
) {
  const parts = [
    options.colour ? colourLabel(locale, options.colour) : null,
    options.size && options.size !== "One size" ? sizeLabel(locale, options.size) : null,
  ].filter(Boolean);
  return parts.length ? parts.join(" / ") : fallback;
}
