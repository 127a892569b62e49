import { sql, type SQL } from "drizzle-orm";

import type { Database, Tx } from "@omni/db";

/**
 * A periodic job: finds the rows whose time has come and handles each in its own transaction.
 * Sweeps lock what they take (`for update skip locked`), so two workers never handle the same row,
 * and they take `now` as an argument so tests can drive time forward.
 */
export type Sweep = {
  name: string;
  /** Returns how many things it handled. */
  run: (db: Database, now: Date) => Promise<number>;
  /**
   * When the worker runs it (cron, UTC); every minute if unsaid. Work that is not waited for by a shopper runs less
   * often and at its own minute, so that the sweeps do not all land on a busy shop in the same second.
   */
  cron?: string;
};

const BATCH = 100;

/**
 * Takes the rows a sweep found one at a time, each in its own transaction, re-checking that it is
 * still due under `for update skip locked`: a row another worker holds, or has already handled, is
 * skipped, so two workers never handle the same row. One failing row does not stop the others.
 */
export async function handleEachLocked(
  db: Database,
  input: {
    table: "orders" | "reservations" | "carts";
    due: SQL;
    now: Date;
    handle: (tx: Tx, id: string) => Promise<void>;
  },
): Promise<number> {
  const table = sql.raw(input.table);
  const candidates = await db.execute<{ id: string }>(
    sql`select id from ${table} where ${input.due} order by id limit ${BATCH}`,
  );
  let handled = 0;
  const failures: { id: string; error: unknown }[] = [];
  for (const { id } of candidates) {
    try {
      const took = await db.transaction(async (tx) => {
        const [row] = await tx.execute<{ id: string }>(
          sql`select id from ${table} where id = ${id} and ${input.due} for update skip locked`,
        );
        if (!row) return false;
        await input.handle(tx, id);
        return true;
      });
      if (took) handled++;
    } catch (error) {
      failures.push({ id, error });
    }
  }
  // Every failure is reported, each with its row, not only the first (the worker logs what is thrown).
  if (failures.length === 1) throw failures[0]!.error;
  if (failures.length > 1) {
    throw new AggregateError(
      failures.map((f) => f.error),
      `${failures.length} ${input.table} rows failed: ${failures.map((f) => f.id).join(", ")}`,
    );
  }
  return handled;
}

export const at = (now: Date) => sql`${now.toISOString()}::timestamptz`;
