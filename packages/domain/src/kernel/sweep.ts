import type { Database } from "@omni/db";

/**
 * A periodic job: finds the rows whose time has come and handles each in its own transaction.
 * Sweeps lock what they take (`for update skip locked`), so two workers never handle the same row,
 * and they take `now` as an argument so tests can drive time forward.
 */
export type Sweep = {
  name: string;
  /** Returns how many things it handled. */
  run: (db: Database, now: Date) => Promise<number>;
};
