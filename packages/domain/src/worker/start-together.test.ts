import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import type { Log } from "../kernel";
import { sweeps } from "./sweeps";
import { startWorker } from "./worker";

/**
 * Every app instance may run a worker, and a deployment starts them at once: the first start creates
 * pg-boss's schema and queues, which is DDL that deadlocked when three instances did it together.
 */
const t = await createTestDatabase({ max: 4 });
afterAll(() => t.close());

function recordingLog() {
  const errors: object[] = [];
  const log: Log = {
    info: () => undefined,
    warn: () => undefined,
    error: (fields) => void errors.push(fields),
  };
  return { log, errors };
}

describe("workers started together", () => {
  it("all start on a database that has no queues yet, and none logs an error", async () => {
    const logs = [recordingLog(), recordingLog(), recordingLog()];
    const workers = await Promise.all(logs.map(({ log }) => startWorker(t.db, t.url, { log })));
    await Promise.all(workers.map((w) => w.stop()));
    expect(logs.flatMap((l) => l.errors)).toEqual([]);
    const queues = await t.sql<{ name: string }[]>`select name from pgboss.queue order by name`;
    expect(queues.length).toBeGreaterThan(0);
    // Each sweep on its own schedule: what shoppers wait for every minute, the heavy ones spread over other minutes.
    const schedules = await t.sql<{ name: string; cron: string }[]>`select name, cron from pgboss.schedule`;
    const cronOf = Object.fromEntries(schedules.map((s) => [s.name, s.cron]));
    expect(cronOf).toMatchObject({
      "deliver-outbox": "* * * * *",
      "expire-reservations": "* * * * *",
      "analytics-refresh": "1-59/5 * * * *",
      "refresh-recommendations": "3-59/10 * * * *",
    });
    expect(schedules).toHaveLength(sweeps.length);
  }, 60_000);
});
