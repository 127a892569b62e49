/**
 * A worker process for the fault tests (worker/fault-tolerance.test.ts): it runs the named sweeps of
 * the real worker in a loop against FAULT_DB_URL, and its mail transport appends each message's
 * Message-ID to FAULT_SENT_LOG with a synchronous write, so what was handed over survives a kill -9.
 * FAULT_SEND_DELAY_MS slows the transport down so that a kill lands in the middle of a sweep.
 */
import fs from "node:fs";

import { createDb } from "@omni/db";

import { setMailSender } from "../messages";
import { sweeps } from "../worker/sweeps";

const url = process.env.FAULT_DB_URL;
const sentLog = process.env.FAULT_SENT_LOG;
if (!url || !sentLog) throw new Error("FAULT_DB_URL and FAULT_SENT_LOG are required");
const delay = Number(process.env.FAULT_SEND_DELAY_MS ?? 0);
const names = (process.env.FAULT_SWEEPS ?? "expire-reservations,deliver-outbox").split(",");
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
