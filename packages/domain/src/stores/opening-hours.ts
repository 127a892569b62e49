import type { OpeningHours } from "@omni/db";

/**
 * Store opening hours are wall-clock times in the store's time zone (Europe/Warsaw), so the moment
 * a store closes depends on the date (summer time). These helpers turn wall time into instants
 * with Intl alone.
 */
const DAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const HOUR_MS = 60 * 60 * 1000;

type LocalDate = { year: number; month: number; day: number };

/**
 * One formatter per time zone for the life of the process: making an `Intl.DateTimeFormat` costs far more than
 * formatting with it, and an availability answer computes a pickup promise for every store (56 at the scale seed).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localParts(at: Date, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

/** Milliseconds the zone is ahead of UTC at an instant (+1 h or +2 h in Warsaw). */
function offsetAt(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which a wall clock in `timeZone` shows the given date and time ("24:00" is the next midnight). */
export function wallTimeToInstant(date: LocalDate, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(date.year, date.month - 1, date.day, hours, minutes);
  const first = wall - offsetAt(wall, timeZone);
  // Near a clock change the offset at the guess may differ from the offset at the answer.
  const second = wall - offsetAt(first, timeZone);
  return new Date(second);
}

function addDays(date: LocalDate, days: number): LocalDate & { weekday: (typeof DAY_KEYS)[number] } {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: DAY_KEYS[d.getUTCDay()]!,
  };
}

/**
 * Closing time of the first day after `at` (in the store's zone) on which the store opens: a store
 * closed on Sunday gives a Saturday reservation until Monday's closing. Null when it never opens.
 */
export function closingTimeNextOpenDay(at: Date, hours: OpeningHours, timeZone: string): Date | null {
  const today = localParts(at, timeZone);
  for (let ahead = 1; ahead <= 7; ahead++) {
    const day = addDays(today, ahead);
    const open = hours[day.weekday];
    if (open) return wallTimeToInstant(day, open[1], timeZone);
  }
  return null;
}

/**
 * When a reservation made at `now` stops holding stock: after the store's hold hours, but never past
 * closing time the day after (so a shopper is not promised an evening the store is closed).
 */
export function reservationExpiry(input: {
  now: Date;
  holdHours: number;
  openingHours: OpeningHours | null;
  timeZone?: string;
}): Date {
  const byHours = new Date(input.now.getTime() + input.holdHours * HOUR_MS);
  if (!input.openingHours) return byHours;
  const closing = closingTimeNextOpenDay(input.now, input.openingHours, input.timeZone ?? "Europe/Warsaw");
  return closing && closing < byHours ? closing : byHours;
}

/** The store's open windows from the day of `at` on, for `days` days, as instants. */
export function openWindows(at: Date, hours: OpeningHours, timeZone: string, days = 8): { open: Date; close: Date }[] {
  return [...eachOpenWindow(at, hours, timeZone, days)];
}

/**
 * The same windows one at a time, so that a caller that needs only the first or second (a pickup promise, for each
 * of 56 stores in one availability answer) does not turn nine days of wall times into instants.
 */
export function* eachOpenWindow(
  at: Date,
  hours: OpeningHours,
  timeZone: string,
  days = 8,
): Generator<{ open: Date; close: Date }> {
  const today = localParts(at, timeZone);
  for (let ahead = 0; ahead < days; ahead++) {
    const day = addDays(today, ahead);
    const times = hours[day.weekday];
    if (times)
      yield {
        open: wallTimeToInstant(day, times[0], timeZone),
        close: wallTimeToInstant(day, times[1], timeZone),
      };
  }
}
