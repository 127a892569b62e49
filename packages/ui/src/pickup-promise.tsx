import { pick } from "./labels";

/** What the one pickup promise of the domain answers for a store (`stores.pickupPromise`). */
export type PickupPromiseValue = {
  sourcing: "in_store" | "ship_to_store" | "unavailable";
  readyBy?: Date | string | null;
};

const ZONE = "Europe/Warsaw";
const weekdayKeys = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
type Weekday = (typeof weekdayKeys)[number];

const text = {
  pl: {
    // "w czwartek", "we wtorek": the weekday after the preposition, as Polish says it.
    on: {
      sun: "w niedzielę",
      mon: "w poniedziałek",
      tue: "we wtorek",
      wed: "w środę",
      thu: "w czwartek",
      fri: "w piątek",
      sat: "w sobotę",
    } as Record<Weekday, string>,
    date: (d: Date) => new Intl.DateTimeFormat("pl-PL", { day: "numeric", month: "long", timeZone: ZONE }).format(d),
    inStockSoon: (hours: number) =>
      hours <= 1
        ? "W sklepie: gotowe do odbioru w ciągu godziny"
        : `W sklepie: gotowe do odbioru za ok. ${hours} godz.`,
    inStockOn: (when: string) => `W sklepie: gotowe do odbioru ${when}`,
    shipped: (when: string) => `Sprowadzimy z innego sklepu: gotowe ${when}`,
    onDate: (date: string) => `${date}`,
    unavailable: "Niedostępne do odbioru",
  },
  en: {
    on: {
      sun: "on Sunday",
      mon: "on Monday",
      tue: "on Tuesday",
      wed: "on Wednesday",
      thu: "on Thursday",
      fri: "on Friday",
      sat: "on Saturday",
    } as Record<Weekday, string>,
    date: (d: Date) => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: ZONE }).format(d),
    inStockSoon: (hours: number) =>
      hours <= 1 ? "In stock: ready within the hour" : `In stock: ready in about ${hours} hours`,
    inStockOn: (when: string) => `In stock: ready ${when}`,
    shipped: (when: string) => `Sent from another store: ready ${when}`,
    onDate: (date: string) => `on ${date}`,
    unavailable: "Not available for pickup",
  },
};

const localDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: ZONE }).format(d);
const localWeekday = (d: Date): Weekday => {
  const name = new Intl.DateTimeFormat("en-GB", { weekday: "short", timeZone: ZONE }).format(d).toLowerCase();
  return (weekdayKeys.find((k) => name.startsWith(k)) ?? "mon") as Weekday;
};

/**
 * The words of a pickup promise, the same in every app: "in stock: ready in about 2 hours" today,
 * "ready on Thursday" within a week, a date beyond.
 */
export function pickupPromiseWords(promise: PickupPromiseValue, locale?: string, now: Date = new Date()): string {
  const t = pick(text, locale);
  if (promise.sourcing === "unavailable" || !promise.readyBy) return t.unavailable;
  const readyBy = new Date(promise.readyBy);
  const when =
    readyBy.getTime() - now.getTime() < 6 * 24 * 3600_000
      ? t.on[localWeekday(readyBy)]
      : locale === "en"
        ? t.onDate(t.date(readyBy))
        : `${t.date(readyBy)}`;
  if (promise.sourcing === "ship_to_store") return t.shipped(when);
  if (localDay(readyBy) === localDay(now))
    return t.inStockSoon(Math.max(1, Math.round((readyBy.getTime() - now.getTime()) / 3600_000)));
  return t.inStockOn(when);
}

/** One store's promised pickup time as a short line with a coloured dot. */
export function PickupPromise({
  promise,
  locale = "pl",
  now,
  className = "",
}: {
  promise: PickupPromiseValue;
  locale?: string;
  now?: Date;
  className?: string;
}) {
  const tone =
    promise.sourcing === "in_store"
      ? "text-emerald-800"
      : promise.sourcing === "ship_to_store"
        ? "text-sky-800"
        : "text-slate-600";
  const dot =
    promise.sourcing === "in_store"
      ? "bg-emerald-500"
      : promise.sourcing === "ship_to_store"
        ? "bg-sky-500"
        : "bg-slate-400";
  return (
    <p
      data-testid="pickup-promise"
      data-sourcing={promise.sourcing}
      className={`flex items-center gap-1.5 text-sm font-medium ${tone} ${className}`}
    >
      <span aria-hidden className={`h-2 w-2 shrink-0 rounded-full ${dot}`} />
      {pickupPromiseWords(promise, locale, now)}
    </p>
  );
}
