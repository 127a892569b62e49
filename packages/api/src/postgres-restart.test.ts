import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";

import { runMigrations } from "@omni/db";
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from "@omni/db/embedded";

/**
 * PostgreSQL restarted under a running app process and a running worker process: both carry on by
 * themselves once the database is back (their pools reconnect), with no restart of their own. The
 * test runs its own PostgreSQL, since stopping the shared test cluster would break the other files.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), "omni-restart-"));
fs.chmodSync(root, 0o755);
const dataDir = path.join(root, "pg");
const children: ChildProcess[] = [];
let pg: EmbeddedPostgres | undefined;
afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await pg?.stop();
  fs.rmSync(root, { recursive: true, force: true });
});

/**
 * With the pools' own reconnect delay (at most 1 s) both were back within 0.3 s here; with postgres.js's default
 * backoff the worker took 5.5–8 s, and over 40 s once on a loaded CI machine.
 */
const BACK_WITHIN_MS = 3_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

async function start(script: string, args: string[]): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  child.stderr!.resume();
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.on("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return child;
}

async function until(what: string, check: () => Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(200);
  }
}

describe("PostgreSQL restarted under load", () => {
  it("the app and the worker recover without a restart of their own", async () => {
    pg = await startEmbeddedPostgres({ dataDir, fast: true });
    const admin = postgres(pg.url(), { max: 1, onnotice: () => {} });
    await admin`create database omni`;
    await admin.end();
    const url = pg.url("omni");
    await runMigrations(url);
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    await sql`insert into locations (id, name, city, type) values ('krakow', 'Kraków', 'Kraków', 'store')`;

    const port = await freePort();
    const sentLog = path.join(root, "sent.log");
    const app = await start(here("./testing-server.ts"), [url, String(port)]);
    const worker = await start(here("../../domain/src/testing/fault-worker.ts"), [url, sentLog, "0", "deliver-outbox"]);
    const storesList = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/trpc/stores.list`);
      return { status: response.status, body: await response.text() };
    };
    const queue = (n: number, tag: string) =>
      sql`insert into outbox ("to", template, subject, body)
        select ${tag} || g || '@example.com', 'order_placed', 'Hello', 'Body' from generate_series(1, ${n}::int) g`;
    const allSent = async () => (await sql`select count(*)::int as n from outbox where sent_at is null`)[0]!.n === 0;

    expect(await storesList()).toMatchObject({ status: 200, body: expect.stringContaining("krakow") });
    await queue(5, "before");
    await until("the messages queued before", allSent);

    // The database goes away (fast shutdown) while both keep running, and comes back on its port. Twelve seconds
    // away is long enough for the worker's loop to fail to connect many times: postgres.js's default backoff then
    // grows to 10–20 s a try, and the worker came back that long after the database did.
    await sql.end({ timeout: 1 });
    await pg.stop();
    expect((await storesList()).status).toBeGreaterThanOrEqual(500);
    await pause(12_000);
    pg = await startEmbeddedPostgres({ dataDir, port: pg.port, fast: true });
    const again = postgres(url, { max: 2, onnotice: () => {} });

    // Both come back within seconds of the database, not after a backoff of their own.
    await until("the app answering again", async () => (await storesList()).status === 200, BACK_WITHIN_MS);
    expect(await storesList()).toMatchObject({ status: 200, body: expect.stringContaining("krakow") });
    await again`insert into outbox ("to", template, subject, body) values ('after@example.com', 'order_placed', 'Hello', 'Body')`;
    await until(
      "the worker sending again",
      async () => (await again`select count(*)::int as n from outbox where sent_at is null`)[0]!.n === 0,
      BACK_WITHIN_MS,
    );
    // The very same processes did it: neither was restarted.
    expect(app.exitCode).toBeNull();
    expect(worker.exitCode).toBeNull();
    expect(fs.readFileSync(sentLog, "utf8").trim().split("\n")).toHaveLength(6);
    await again.end({ timeout: 1 });
  }, 120_000);
});
