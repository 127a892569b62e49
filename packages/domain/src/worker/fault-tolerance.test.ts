import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import type { Actor } from "../kernel";
import { createReservation } from "../reservations";
import { skusInStock } from "../testing";

/**
 * Faults survived by real processes: a worker killed with SIGKILL in the middle of its sweeps loses and
 * duplicates nothing after a restart, and three workers on one database handle each job exactly once.
 * The workers are child processes running the real sweeps (testing/fault-worker.ts).
 */
const t = await createTestDatabase({ max: 10 });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "omni-fault-"));
const script = fileURLToPath(new URL("../testing/fault-worker.ts", import.meta.url));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a worker process and waits until it is running. */
async function startWorker(sentLog: string, sendDelayMs = 0): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", script, t.url, sentLog, String(sendDelayMs)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-2000)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`worker exited with ${code}: ${errors}`)));
  });
  return child;
}

async function until(what: string, check: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}

const sentIds = (log: string) =>
  fs.existsSync(log)
    ? fs
        .readFileSync(log, "utf8")
        .trim()
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split(" ")[1]!)
    : [];

let skus: string[] = [];
beforeAll(async () => {
  skus = await skusInStock(t.db, "poznan", 3, 30);
  // Messages already queued by the seed are out of the way: these tests count their own.
  await t.sql`update outbox set sent_at = now() where sent_at is null`;
});

/** `count` reservations at Poznań that lapsed a minute ago (their confirmations still queued). */
async function lapsedReservations(tag: string, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const actor: Actor = { channel: "web", storeIds: [], ip: `10.${tag.length}.${Math.floor(i / 200)}.${i % 200}` };
    const made = await createReservation(t.db, actor, {
      storeId: "poznan",
      lines: [{ sku: skus[i % skus.length]!, quantity: 1 }],
      email: `${tag}-${i}@example.com`,
      name: "Fault Test",
      idempotencyKey: `${tag}-reservation-${i}`,
    });
    codes.push(made.code);
  }
  await t.sql`update reservations set expires_at = now() - interval '1 minute' where code in ${t.sql(codes)}`;
  await t.sql`update stock_holds set expires_at = now() - interval '1 minute'
    where owner_id in (select id from reservations where code in ${t.sql(codes)})`;
  return codes;
}

/** Every reservation expired once, its holds released once, and one expiry e-mail each; the ledger adds up. */
async function expectHandledOnce(tag: string, codes: string[]) {
  const states = await t.sql`
    select r.status, (select count(*)::int from reservation_events e where e.reservation_id = r.id and e.type = 'expired') as expired_events,
      (select count(*)::int from stock_holds h where h.owner_id = r.id and h.released_at is null) as open_holds
    from reservations r where r.code in ${t.sql(codes)}`;
  expect(states).toHaveLength(codes.length);
  for (const s of states) expect(s).toMatchObject({ status: "expired", expired_events: 1, open_holds: 0 });
  const [mail] = await t.sql`
    select count(*)::int as n, count(distinct "to")::int as people from outbox
    where template = 'reservation_expired' and "to" like ${`${tag}-%`}`;
  expect(mail).toMatchObject({ n: codes.length, people: codes.length });
  const mismatches = await t.sql`
    select sl.sku from stock_levels sl left join stock_movements m on m.location_id = sl.location_id and m.sku = sl.sku
    where sl.location_id = 'poznan' and sl.sku in ${t.sql(skus)}
    group by sl.location_id, sl.sku, sl.on_hand, sl.held
    having sl.held <> coalesce(sum(m.held_delta), 0) or sl.on_hand <> coalesce(sum(m.on_hand_delta), 0)
      or sl.held <> (select coalesce(sum(h.quantity), 0) from stock_holds h
                     where h.location_id = sl.location_id and h.sku = sl.sku and h.released_at is null)`;
  expect(mismatches).toEqual([]);
}

/** Every outbox message of these shoppers sent, and each handed to the transport under its own id. */
async function outboxIdsOf(tag: string) {
  const rows = await t.sql`select id, sent_at from outbox where "to" like ${`${tag}-%`} order by id`;
  return { ids: rows.map((r) => `<outbox-${r.id}@localhost>`), unsent: rows.filter((r) => !r.sent_at).length };
}

/** Done: every reservation expired, and its confirmation and expiry e-mails both sent. */
async function allDone(tag: string, codes: string[]): Promise<boolean> {
  const [expired] =
    await t.sql`select count(*)::int as n from reservations where code in ${t.sql(codes)} and status = 'expired'`;
  const { ids, unsent } = await outboxIdsOf(tag);
  return expired!.n === codes.length && ids.length === codes.length * 2 && unsent === 0;
}

describe("a worker killed with kill -9 in the middle of its sweeps", () => {
  it("loses and duplicates nothing once it is started again", async () => {
    const codes = await lapsedReservations("kill", 30);
    const log = path.join(dir, "kill.log");
    const first = await startWorker(log, 25);
    // Kill it while it is handing messages over: some sent, most not.
    await until("the first messages", async () => sentIds(log).length >= 8);
    first.kill("SIGKILL");
    await new Promise((resolve) => first.once("exit", resolve));
    const atKill = sentIds(log).length;
    const midway = await outboxIdsOf("kill");
    expect(midway.unsent).toBeGreaterThan(0);

    await startWorker(log, 0);
    await until("every reservation expired and every message sent", () => allDone("kill", codes));
    await expectHandledOnce("kill", codes);
    const { ids } = await outboxIdsOf("kill");
    const sent = sentIds(log);
    // Nothing lost: every message reached the transport.
    expect(new Set(sent)).toEqual(new Set(ids));
    // Nothing duplicated: at most the one message in the transport's hands at the kill went out
    // again, under the same Message-ID, which mail systems use to drop the copy.
    expect(sent.length - ids.length).toBeLessThanOrEqual(1);
    expect(atKill).toBeGreaterThanOrEqual(8);
  }, 60_000);
});

describe("three workers on one database", () => {
  it("handle each expiry and each message exactly once", async () => {
    const codes = await lapsedReservations("three", 30);
    const log = path.join(dir, "three.log");
    await Promise.all([startWorker(log, 5), startWorker(log, 5), startWorker(log, 5)]);
    await until("every reservation expired and every message sent", () => allDone("three", codes));
    await expectHandledOnce("three", codes);
    const sent = sentIds(log);
    const { ids } = await outboxIdsOf("three");
    expect(sent.sort()).toEqual(ids.sort());
    // All three took part (each line starts with the pid of the worker that sent it).
    const pids = new Set(
      fs
        .readFileSync(log, "utf8")
        .trim()
        .split("\n")
        .map((l) => l.split(" ")[0]),
    );
    expect(pids.size).toBeGreaterThan(1);
  }, 60_000);
});
