import { getDb } from "@omni/db";
import { dbEnv } from "@omni/db/env";
import { domainEnv } from "@omni/domain/kernel";
import { startWorker } from "@omni/domain/worker";
import { logger } from "@omni/logger";

// The background worker: outbox delivery, pickup and reservation expiry, reminders.
const log = logger.child({ component: "worker" });
const url = dbEnv.DATABASE_URL;
if (!url) throw new Error("DATABASE_URL is not set");
const worker = await startWorker(getDb(), url, {
  fastIntervalMs: domainEnv.OMNI_WORKER_FAST ? 2_000 : undefined,
  log,
});
const stop = async () => {
  await worker.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
