/** The two languages every shared component speaks; Polish is the default everywhere. */
export type Locale = "pl" | "en";

export const pick = <T,>(table: Record<Locale, T>, locale?: string): T => table[locale === "en" ? "en" : "pl"];

/** Turns an unknown machine name ("ready_for_pickup") into readable words, so nothing shows blank. */
export const humanize = (name: string) => {
  const words = name.replace(/[_.-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export function formatDateTime(at: string | Date, locale?: string): string {
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "pl-PL", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Warsaw",
  }).format(date);
}
