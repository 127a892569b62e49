/**
 * A worker process for the fault tests (worker/fault-tolerance.test.ts, api's postgres-restart.test.ts):
 * `fault-worker.ts <database url> <sent log> <send delay ms> <sweep names>` runs the named sweeps of the
 * real worker in a loop, and its mail transport appends each message's Message-ID to the sent log with a
 * synchronous write, so what was handed over survives a kill -9. The delay slows the transport down so
 * that a kill lands in the middle of a sweep.
 */
import fs from "node:fs";

import { createDb } from "@omni/db";

import { setMailSender } from "../messages";
import { sweeps } from "../worker/sweeps";

const [url, sentLog, delayMs = "0", sweepNames = "expire-reservations,deliver-outbox"] = process.argv.slice(2);
if (!url || !sentLog) throw new Error("usage: fault-worker.ts <database url> <sent log> [delay ms] [sweeps]");
const delay = Number(delayMs);
const names = sweepNames.split(",");
const chosen = sweeps.filter((s) => names.includes(s.name));

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

setMailSender({
  async sendMail(message) {
    if (delay) await pause(delay);
    fs.appendFileSync(sentLog, `${process.pid} ${String(message.messageId)}\n`);
  },
});

const { db } = createDb(url, { max: 4 });
process.stdout.write("ready\n");
for (;;) {
  for (const sweep of chosen) {
    try {
      await sweep.run(db, new Date());
    } catch (error) {
      // The database may be restarting: report it and go on with the next round, as the worker does.
      process.stderr.write(`${sweep.name}: ${String((error as Error)?.message ?? error)}\n`);
    }
  }
  await pause(50);
}
