import { useLocale } from "next-intl";

/** An order line as the API gives it: its title as sold in English, and in Polish when the order kept it. */
export type TitledLine = { title: string; titlePl?: string | null };

/** The line's title as sold, in the reader's language (English on orders that kept no Polish). */
export function lineTitleIn(locale: string, line: TitledLine): string {
  return locale === "pl" && line.titlePl ? line.titlePl : line.title;
}

/**
 * The line's product and variant as sold ("Bluza z kapturem" and "Czarny / M"): an order shows what was bought,
 * not what the catalogue calls it today. Orders store "product – variant"; the last dash separates them.
 */
export function lineNameIn(locale: string, line: TitledLine): { product: string; variant: string } {
  const title = lineTitleIn(locale, line);
  const at = title.lastIndexOf(" – ");
  return at < 0 ? { product: title, variant: "" } : { product: title.slice(0, at), variant: title.slice(at + 3) };
}

/** `lineTitleIn` in the screen's language, for client components. */
export function useLineTitle(): (line: TitledLine) => string {
  const locale = useLocale();
  return (line) => lineTitleIn(locale, line);
}
