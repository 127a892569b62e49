import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";

import { dbEnv } from "./env";
import * as schema from "./schema";
import { withTransactionRetry } from "./transaction-retry";

// `$client` is the postgres.js pool under drizzle (drizzle() returns it; the bare type leaves it out).
export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };
/** A database handle or an open transaction: use-cases accept either. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbOrTx = Database | Tx;

export type DbHandle = { db: Database; sql: postgres.Sql; close: () => Promise<void> };

/**
 * Seconds before a pool connection tries again after failing to connect. postgres.js's default grows with
 * every failure of the whole pool to 10–20 s, so a worker polling through a one-minute database restart
 * stayed away for up to 20 s after the database was back, twice over if a try landed while it was still
 * starting up. A refused connection costs the database nothing: try again within a second, with jitter so
 * that the pools of several processes do not knock at once.
 */
export function reconnectDelaySeconds(failures: number): number {
  return Math.min(0.05 * 2 ** failures, 1) * (0.5 + Math.random() / 2);
}

type Scoped = (sql: postgres.Sql) => unknown;

/**
 * The pool as drizzle gets it: every statement prepared. drizzle sends its queries unnamed (`unsafe` with
 * `prepare: false`, unless a query is given a name), so PostgreSQL parsed and planned every statement on every
 * call, and in a checkout it spent more time planning than executing. postgres.js keeps a prepared statement per
 * query text on each connection (connections are replaced within an hour), and prepares it again if a migration
 * changed what it reads. Transactions and savepoints hand their own connection to the callback: it is wrapped
 * the same way.
 */
function preparing(sql: postgres.Sql): postgres.Sql {
  const scoped =
    (open: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const callback = args.pop() as Scoped;
      return open(...args, (inner: postgres.Sql) => callback(preparing(inner)));
    };
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe")
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
      if (property === "begin" || property === "savepoint")
        return scoped((Reflect.get(target, property) as (...args: unknown[]) => unknown).bind(target));
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

/** The one way the project opens a database. */
export function createDb(url: string, options: { max?: number } = {}): DbHandle {
  const sql = postgres(url, {
    max: options.max ?? 10,
    backoff: reconnectDelaySeconds,
    onnotice: () => {},
    // Dates travel as ISO strings; let drizzle map them.
    connection: { application_name: "omni" },
  });
  const db = withTransactionRetry(drizzle(preparing(sql), { schema }));
  return { db, sql, close: () => sql.end({ timeout: 5 }) };
}

const globalForDb = globalThis as unknown as { omniDb?: DbHandle };

/** A process-wide pool on DATABASE_URL, shared across hot reloads. */
export function getDb(): Database {
  if (!globalForDb.omniDb) {
    const url = dbEnv.DATABASE_URL;
    if (!url)
      throw new Error(
        "DATABASE_URL is not set: start the apps with `pnpm start`, which provides the embedded database.",
      );
    globalForDb.omniDb = createDb(url, { max: dbEnv.DATABASE_POOL_SIZE });
  }
  return globalForDb.omniDb.db;
}
