import type { Database, ReadCacheTopic } from "@omni/db";
import { checkoutPlaces, type CheckoutPlaces } from "@omni/domain/carts";
import { nextPriceChangeAt } from "@omni/domain/catalog";
import { availabilityPlaces, type AvailabilityPlaces } from "@omni/domain/inventory";

import type { Context } from "./context";
import { readCacheOf } from "./read-cache";

/**
 * The public reads that a process may answer from memory, with what each depends on. Availability, carts, orders
 * and anything of a signed-in caller are never here: they are read from the database on every call.
 */
export const cachedProcedures: Record<string, ReadCacheTopic[]> = {
  "catalog.search": ["catalog", "stock"],
  "catalog.facets": ["catalog", "stock"],
  "catalog.suggest": ["catalog"],
  "catalog.product": ["catalog"],
  "catalog.categories": ["catalog"],
  "stores.list": ["stores"],
  "stores.get": ["stores"],
};

/** Public reads whose answer is worked out anew for each call from cached rows (`stores.list`: the pickup promise). */
const computedPerCall = new Set(["stores.list"]);

/** Whether the whole HTTP answer of `procedure` may be kept (see `cachedAnswer`). */
export const answerIsCacheable = (procedure: string) =>
  procedure in cachedProcedures && !computedPerCall.has(procedure);

/** When a running or scheduled automatic promotion next starts or ends (ms), itself cached until then. */
function nextPriceChange(db: Database): Promise<number | null> {
  const cache = readCacheOf(db.$client);
  const load = async () => (await nextPriceChangeAt(db))?.getTime() ?? null;
  return cache ? cache.read("promotions:next-change", ["catalog"], load, (at) => at) : load();
}

/**
 * `load()`'s answer for `procedure` and `input`, from this process's read cache when it holds a fresh one. Prices
 * (topic `catalog`) also expire when a promotion starts or ends.
 */
export function cachedRead<T>(ctx: Context, procedure: string, input: unknown, load: () => Promise<T>): Promise<T> {
  const cache = readCacheOf(ctx.db.$client);
  const topics = cachedProcedures[procedure];
  if (!cache || !topics) return load();
  const key = `${procedure}:${JSON.stringify(input ?? null)}`;
  return cache.read(key, topics, load, topics.includes("catalog") ? () => nextPriceChange(ctx.db) : undefined);
}

/**
 * The stores and promise settings an availability answer needs, from this process's read cache (topic `stores`: any
 * change to a location or a setting drops them). Only these: the stock itself is read on every call.
 */
export function cachedAvailabilityPlaces(ctx: Context): Promise<AvailabilityPlaces> {
  const load = () => availabilityPlaces(ctx.db);
  const cache = readCacheOf(ctx.db.$client);
  return cache ? cache.read("inventory:availability-places", ["stores"], load) : load();
}

/**
 * The delivery prices, locations and promise settings a checkout reads, from this process's read cache (topic
 * `stores`: any change to a location or a setting drops them). The cart, its prices and the stock are read on every
 * call.
 */
export function cachedCheckoutPlaces(ctx: Context): Promise<CheckoutPlaces> {
  const load = () => checkoutPlaces(ctx.db);
  const cache = readCacheOf(ctx.db.$client);
  return cache ? cache.read("checkout:places", ["stores"], load) : load();
}

/** A whole HTTP answer, as stored. */
export type StoredAnswer = { status: number; body: string; headers: [string, string][] };

/**
 * The whole HTTP answer of an anonymous GET of one public read, from this process's read cache: a hit skips the
 * parsing, the procedure and the serialisation, which are most of a cached read's cost. Only a 200 is kept; the
 * same topics and promotion boundaries drop it as the procedure's own cached answer.
 */
export function cachedAnswer(
  db: Database,
  procedure: string,
  url: URL,
  produce: () => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  const cache = readCacheOf(db.$client);
  const topics = cachedProcedures[procedure];
  if (!cache || !topics) return produce();
  const expiresAt = topics.includes("catalog") ? () => nextPriceChange(db) : undefined;
  return cache.read(`http:${url.pathname}${url.search}`, topics, produce, expiresAt, (a) => a.status === 200);
}

/**
 * Mutations whose use-cases never change a catalogue, stock or store row. Every other successful mutation drops
 * this process's cached answers at once, so that the caller reads its own write (other processes hear the NOTIFY
 * a moment later).
 */
const harmless = ["cart.", "account.", "consent.", "notifications.", "apiKeys.", "webhooks.", "devices.", "staff."];
/**
 * Mutations that change stock but never a catalogue or store row: they drop only the answers that depend on stock.
 * A checkout is the busiest write of a shop (the soak places four a second): dropping every answer on each one left
 * product pages without a cache (about 94 % of them read the database).
 */
const stockOnly = ["checkout."];

export function afterMutation(ctx: Context, path: string) {
  if (harmless.some((prefix) => path.startsWith(prefix))) return;
  const topics: ReadCacheTopic[] = stockOnly.some((prefix) => path.startsWith(prefix))
    ? ["stock"]
    : ["catalog", "stock", "stores"];
  readCacheOf(ctx.db.$client)?.drop(topics);
}
