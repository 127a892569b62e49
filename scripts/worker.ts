import { getDb } from "@omni/db";
import { startWorker } from "@omni/domain/worker";
import { logger } from "@omni/logger";

// The background worker: outbox delivery, pickup and reservation expiry, reminders.
const log = logger.child({ component: "worker" });
const url = process.env.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const worker = await startWorker(getDb(), url, {
  fastIntervalMs: process.env.OMNI_WORKER_FAST ? 2_000 : undefined,
  log,
});
const stop = async () => {
  await worker.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
