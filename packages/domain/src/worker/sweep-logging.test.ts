import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { queueMessage, type Log } from "../kernel";
import { startWorker } from "./worker";

/**
 * With the fast timer every sweep runs every couple of seconds: its routine results go to debug, so that the info
 * level keeps only what an operator must see (the start, and failures at error).
 */
const t = await createTestDatabase({ max: 4 });
afterAll(() => t.close());

describe("worker logging", () => {
  it("logs sweeps that handled rows at debug, not info", async () => {
    // A message for the outbox sweep to send: routine work that is logged.
    await t.db.transaction((tx) =>
      queueMessage(tx, { to: "sweep-log@example.com", template: "order_placed", subject: "Order", body: "Thanks" }),
    );
    const lines: { level: string; fields: object; message: string }[] = [];
    const at =
      (level: string) =>
      (fields: object, message: string): void =>
        void lines.push({ level, fields, message });
    const log: Log = { info: at("info"), warn: at("warn"), error: at("error"), debug: at("debug") };
    const isOutboxRun = (l: (typeof lines)[number]) =>
      l.message === "sweep handled rows" && (l.fields as { sweep?: string }).sweep === "deliver-outbox";
    const worker = await startWorker(t.db, t.url, { log, fastIntervalMs: 100 });
    try {
      for (const deadline = Date.now() + 30_000; ;) {
        if (lines.some(isOutboxRun)) break;
        if (Date.now() > deadline) throw new Error("the outbox sweep did not send the message");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await worker.stop();
    }
    const handled = lines.filter((l) => l.message === "sweep handled rows");
    expect(handled.map((l) => l.level)).toEqual(handled.map(() => "debug"));
    // Other sweeps (recommendations, analytics…) may handle rows of the seed too, in any order.
    expect(lines.find(isOutboxRun)).toMatchObject({
      level: "debug",
      fields: { handled: expect.any(Number), ms: expect.any(Number) },
    });
    expect(lines.filter((l) => l.level !== "debug").map((l) => [l.level, l.message])).toEqual([
      ["info", "worker started"],
    ]);
  });
});
