import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";

import type { Database } from "@omni/db";

import type { Log, Sweep } from "../kernel";
import { sweeps } from "./sweeps";

/**
 * Runs one sweep; a failure is logged (error) with the sweep's name and stack, and given back to the caller. Every
 * run is logged with its duration at debug, whether it handled rows or not: with the fast timer every sweep runs every
 * 2 s, and routine work at info buried what an operator must see. The debug lines let a burst of work in the worker
 * be lined up with the shop's latency (bench/soak.ts runs the worker at LOG_LEVEL=debug and reads them).
 */
async function runSweep(db: Database, log: Log, sweep: Sweep): Promise<{ failed: unknown } | undefined> {
  const started = performance.now();
  try {
    const handled = await sweep.run(db, new Date());
    const ms = Math.round(performance.now() - started);
    log.debug?.({ sweep: sweep.name, handled, ms }, handled ? "sweep handled rows" : "sweep ran");
    return undefined;
  } catch (error) {
    log.error({ sweep: sweep.name, err: error }, "sweep failed");
    return { failed: error };
  }
}

/**
 * Runs the sweeps on pg-boss: each is scheduled by its cron (every minute if unsaid), and pg-boss gives a scheduled job to
 * one worker only, so several app instances never double-send or double-expire. `fastIntervalMs`
 * also runs every sweep on a short timer (tests and demos), which stays safe because sweeps lock rows.
 */
export async function startWorker(
  db: Database,
  connectionString: string,
  options: { fastIntervalMs?: number; log: Log },
) {
  const { log } = options;
  const boss = new PgBoss({ connectionString, max: 4 });
  boss.on("error", (error) => log.error({ err: error }, "pg-boss error"));
  await boss.start();
  // Creating a queue is DDL on pg-boss's partitioned table, which deadlocks when several instances of a
  // deployment start together: one instance at a time creates the queues and their schedules.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('omni:worker-queues'))`);
    for (const sweep of sweeps) {
      await boss.createQueue(sweep.name);
      await boss.schedule(sweep.name, sweep.cron ?? "* * * * *");
    }
  });
  for (const sweep of sweeps) {
    await boss.work(sweep.name, async () => {
      const outcome = await runSweep(db, log, sweep);
      // Thrown on so that pg-boss records the job as failed; the next schedule tries again.
      if (outcome) throw outcome.failed;
    });
  }
  let timer: NodeJS.Timeout | undefined;
  if (options.fastIntervalMs) {
    timer = setInterval(() => {
      // A failure is logged by runSweep; the next tick tries again.
      for (const sweep of sweeps) void runSweep(db, log, sweep);
    }, options.fastIntervalMs);
  }
  log.info({ sweeps: sweeps.map((s) => s.name) }, "worker started");
  return {
    stop: async () => {
      if (timer) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true });
    },
  };
}
