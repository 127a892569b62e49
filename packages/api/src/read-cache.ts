import type postgres from "postgres";

import { READ_CACHE_CHANNEL, readCacheTopics, type ReadCacheTopic } from "@omni/db";
import { logger } from "@omni/logger";

import { apiEnv } from "./env";

const log = logger.child({ component: "read-cache" });

type Entry = { value: unknown; topics: ReadCacheTopic[]; expiresAt: number };
type Pending = { promise: Promise<unknown>; topics: ReadCacheTopic[] };

/** How often a process checks that its listener still hears the channel (its own ping must come back). */
const HEARTBEAT_MS = 5_000;

/**
 * Public catalogue answers kept in this process's memory, dropped the moment the database announces a change
 * (NOTIFY omni_read_cache from the writer's transaction, migration 0016), in every app process at once.
 *
 * Safety rules, because a cache that serves stale prices is worse than none:
 * - answers are served from memory only while the listener is connected and heard its last ping; otherwise every
 *   read goes to the database (a lost connection could have lost notifications, so a reconnect drops everything);
 * - a read that started before a change is not stored (a generation counter per topic);
 * - an answer never outlives `ttlMs` nor the moment the caller says it changes by itself (a promotion's start/end).
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Pending>();
  private readonly generation = Object.fromEntries(readCacheTopics.map((t) => [t, 0])) as Record<
    ReadCacheTopic,
    number
  >;
  private live = false;
  private lastHeard = 0;
  private unlisten: (() => Promise<void>) | null = null;
  private readonly timer: NodeJS.Timeout;
  readonly stats = { hits: 0, misses: 0, drops: 0 };

  constructor(
    private readonly sql: postgres.Sql,
    private readonly options: { ttlMs: number; maxEntries: number },
  ) {
    this.listen();
    this.timer = setInterval(() => void this.heartbeat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  /** Whether answers may be served from memory now. */
  get serving() {
    return this.live;
  }

  /**
   * The cached answer of `key`, or `load()`'s (shared by concurrent callers). `topics`: what it depends on;
   * `expiresAt`: when it changes by itself, if ever; `keep`: whether an answer may be stored at all.
   */
  async read<T>(
    key: string,
    topics: ReadCacheTopic[],
    load: () => Promise<T>,
    expiresAt?: (value: T) => number | null | Promise<number | null>,
    keep: (value: T) => boolean = () => true,
  ): Promise<T> {
    if (!this.live) return load();
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > Date.now()) {
      this.stats.hits++;
      return hit.value as T;
    }
    const inFlight = this.pending.get(key);
    if (inFlight) return (await inFlight.promise) as T;
    this.stats.misses++;
    const seen = topics.map((t) => this.generation[t]);
    const promise = (async () => {
      const value = await load();
      const until = expiresAt ? await expiresAt(value) : null;
      const unchanged = topics.every((t, i) => this.generation[t] === seen[i]);
      if (unchanged && this.live && keep(value))
        this.store(key, { value, topics, expiresAt: Math.min(Date.now() + this.options.ttlMs, until ?? Infinity) });
      return value;
    })().finally(() => {
      if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
    });
    this.pending.set(key, { promise, topics });
    return promise;
  }

  /** Forgets every answer that depends on one of `topics` (and reads in flight for them are not stored). */
  drop(topics: readonly ReadCacheTopic[]) {
    this.stats.drops++;
    for (const topic of topics) this.generation[topic]++;
    const hits = (entry: { topics: ReadCacheTopic[] }) => entry.topics.some((t) => topics.includes(t));
    for (const [key, entry] of this.entries) if (hits(entry)) this.entries.delete(key);
    for (const [key, entry] of this.pending) if (hits(entry)) this.pending.delete(key);
  }

  async close() {
    clearInterval(this.timer);
    this.live = false;
    await this.unlisten?.().catch(() => {});
  }

  private store(key: string, entry: Entry) {
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }

  private heard(payload: string) {
    this.lastHeard = Date.now();
    if (payload.startsWith("ping")) return;
    const topics = payload
      .split(",")
      .filter((t): t is ReadCacheTopic => (readCacheTopics as readonly string[]).includes(t));
    // An unknown payload is a change we do not understand: drop everything rather than serve it stale.
    this.drop(topics.length ? topics : readCacheTopics);
  }

  private listen() {
    this.sql
      .listen(
        READ_CACHE_CHANNEL,
        (payload) => this.heard(payload),
        // Called on every (re)connection: what was announced while disconnected is lost, so start empty.
        () => {
          this.drop(readCacheTopics);
          this.lastHeard = Date.now();
          this.live = true;
        },
      )
      .then(
        (request) => {
          this.unlisten = () => request.unlisten();
        },
        (error: unknown) => log.warn({ err: error }, "read cache could not listen; reading through"),
      );
  }

  /** Pings the channel through the pool; if the previous ping never came back, stops serving and listens anew. */
  private async heartbeat() {
    if (this.live && Date.now() - this.lastHeard > 2 * HEARTBEAT_MS + 1_000) {
      log.warn("read cache listener went deaf; reading through until it listens again");
      this.live = false;
      this.drop(readCacheTopics);
      await this.unlisten?.().catch(() => {});
      this.unlisten = null;
      this.listen();
    }
    await this.sql`select pg_notify(${READ_CACHE_CHANNEL}, 'ping')`.catch(() => {});
  }
}

const caches = new WeakMap<postgres.Sql, ReadCache>();

/** The read cache of a connection pool (one per process and database), or null when switched off. */
export function readCacheOf(sql: postgres.Sql): ReadCache | null {
  if (apiEnv.OMNI_READ_CACHE_TTL_MS === 0) return null;
  let cache = caches.get(sql);
  if (!cache) {
    cache = new ReadCache(sql, {
      ttlMs: apiEnv.OMNI_READ_CACHE_TTL_MS,
      maxEntries: apiEnv.OMNI_READ_CACHE_MAX_ENTRIES,
    });
    caches.set(sql, cache);
  }
  return cache;
}
