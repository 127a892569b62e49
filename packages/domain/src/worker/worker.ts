import PgBoss from "pg-boss";

import type { Database } from "@omni/db";

import { sweeps } from "./sweeps";

/**
 * Runs the sweeps on pg-boss: each is scheduled every minute, and pg-boss gives a scheduled job to
 * one worker only, so several app instances never double-send or double-expire. `fastIntervalMs`
 * also runs every sweep on a short timer (tests and demos), which stays safe because sweeps lock rows.
 */
export async function startWorker(
  db: Database,
  connectionString: string,
  options: { fastIntervalMs?: number; log?: (line: string) => void } = {},
) {
  const log = options.log ?? console.log;
  const boss = new PgBoss({ connectionString, max: 4 });
  boss.on("error", (error) => log(`worker: ${error.message}`));
  await boss.start();
  for (const sweep of sweeps) {
    await boss.createQueue(sweep.name);
    await boss.schedule(sweep.name, "* * * * *");
    await boss.work(sweep.name, async () => {
      const handled = await sweep.run(db, new Date());
      if (handled) log(`worker: ${sweep.name} handled ${handled}`);
    });
  }
  let timer: NodeJS.Timeout | undefined;
  if (options.fastIntervalMs) {
    timer = setInterval(() => {
      for (const sweep of sweeps)
        void sweep.run(db, new Date()).catch((error: Error) => log(`worker: ${sweep.name}: ${error.message}`));
    }, options.fastIntervalMs);
  }
  log(`worker: ${sweeps.length} sweeps scheduled`);
  return {
    stop: async () => {
      if (timer) clearInterval(timer);
      await boss.stop({ graceful: true, wait: true });
    },
  };
}
