import { inArray } from "drizzle-orm";

import { ONLINE_LOCATION } from "@omni/core";
import { settings, type DbOrTx, type OpeningHours } from "@omni/db";

import { eachOpenWindow } from "./opening-hours";

/**
 * The one promise of a pickup time. Goods on the shelf are ready a picking time after the store next
 * works on them; goods that must come from another location (ship-to-store) are ready a picking time
 * after they arrive, which takes the lead time of that pair of locations. Every app shows this answer
 * through the one `PickupPromise` component, so "ready in about 2 hours" means the same everywhere.
 */

export type Sourcing = "in_store" | "ship_to_store" | "unavailable";
export type PickupPromise = { sourcing: Sourcing; readyBy?: Date };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** Hours goods take between two locations: `pairs["from>to"]`, else the source's default, else `default`. */
export type LeadTimes = { default: number; from: Record<string, number>; pairs: Record<string, number> };

/** The warehouse ships to any store by the next day; stores lend each other within two days. */
export const DEFAULT_LEAD_TIMES: LeadTimes = { default: 48, from: { [ONLINE_LOCATION]: 24 }, pairs: {} };
export const DEFAULT_PICKING_MINUTES = 120;

export function leadTimeHours(leadTimes: LeadTimes, fromId: string, toId: string): number {
  return leadTimes.pairs[`${fromId}>${toId}`] ?? leadTimes.from[fromId] ?? leadTimes.default;
}

/**
 * Of the locations that have the goods, the one whose goods reach `toId` first; on a tie the warehouse
 * (the default source), then by id so that the choice is stable.
 */
export function soonestSource(leadTimes: LeadTimes, toId: string, candidates: string[]): string | null {
  const ranked = candidates
    .filter((id) => id !== toId)
    .map((id) => ({ id, hours: leadTimeHours(leadTimes, id, toId) }))
    .sort(
      (a, b) =>
        a.hours - b.hours ||
        Number(b.id === ONLINE_LOCATION) - Number(a.id === ONLINE_LOCATION) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
  return ranked[0]?.id ?? null;
}

export type PromiseSettings = { leadTimes: LeadTimes; pickingMinutes: number };

/** The settings a pickup promise reads; a caller that reads them in its own statement passes their values. */
export const PROMISE_SETTING_KEYS = { leadTimes: "transfer_lead_times", picking: "pickup_picking_minutes" } as const;

/** Settings `transfer_lead_times` (partial `LeadTimes`) and `pickup_picking_minutes`, with the defaults. */
export async function promiseSettings(db: DbOrTx): Promise<PromiseSettings> {
  // Both settings in one round trip.
  const rows = await db
    .select({ key: settings.key, value: settings.value })
    .from(settings)
    .where(inArray(settings.key, [PROMISE_SETTING_KEYS.leadTimes, PROMISE_SETTING_KEYS.picking]));
  const valueOf = (key: string) => rows.find((r) => r.key === key)?.value;
  return promiseSettingsOf(
    valueOf(PROMISE_SETTING_KEYS.leadTimes) as Partial<LeadTimes> | undefined,
    valueOf(PROMISE_SETTING_KEYS.picking),
  );
}

/** The stored values of `PROMISE_SETTING_KEYS` (or nothing), completed with the defaults. */
export function promiseSettingsOf(lead: Partial<LeadTimes> | null | undefined, picking: unknown): PromiseSettings {
  return {
    leadTimes: {
      default: lead?.default ?? DEFAULT_LEAD_TIMES.default,
      from: { ...DEFAULT_LEAD_TIMES.from, ...lead?.from },
      pairs: { ...DEFAULT_LEAD_TIMES.pairs, ...lead?.pairs },
    },
    pickingMinutes: typeof picking === "number" && picking > 0 ? picking : DEFAULT_PICKING_MINUTES,
  };
}

/**
 * When goods that are at the store from `from` on are ready: the picking time counted in opening hours
 * only (picking that does not fit before closing finishes the next open day). Without opening hours,
 * the store is taken to work around the clock.
 */
export function readyAfter(input: {
  from: Date;
  pickingMinutes: number;
  openingHours: OpeningHours | null;
  timeZone?: string;
}): Date {
  const work = input.pickingMinutes * MINUTE_MS;
  if (!input.openingHours) return new Date(input.from.getTime() + work);
  let left = work;
  for (const w of eachOpenWindow(input.from, input.openingHours, input.timeZone ?? "Europe/Warsaw", 9)) {
    const start = Math.max(w.open.getTime(), input.from.getTime());
    if (start >= w.close.getTime()) continue;
    const room = w.close.getTime() - start;
    if (room >= left) return new Date(start + left);
    left -= room;
  }
  return new Date(input.from.getTime() + work);
}

/** The promise for one store: in stock now, or shipped in from `sourceId`, or not possible. */
export function pickupPromise(input: {
  now: Date;
  store: { id: string; openingHours: OpeningHours | null; timezone?: string };
  /** Null when the store has everything; a source id when goods must come in; undefined when nowhere has them. */
  sourceId: string | null | undefined;
  settings: PromiseSettings;
}): PickupPromise {
  const { now, store, settings: s } = input;
  if (input.sourceId === undefined) return { sourcing: "unavailable" };
  const arrives =
    input.sourceId === null
      ? now
      : new Date(now.getTime() + leadTimeHours(s.leadTimes, input.sourceId, store.id) * HOUR_MS);
  const readyBy = readyAfter({
    from: arrives,
    pickingMinutes: s.pickingMinutes,
    openingHours: store.openingHours,
    timeZone: store.timezone,
  });
  return { sourcing: input.sourceId === null ? "in_store" : "ship_to_store", readyBy };
}
