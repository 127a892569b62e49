import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import postgres from "postgres";

import { createDb, runMigrations, type DbHandle } from "@omni/db";
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from "@omni/db/embedded";
import { seedDemo } from "@omni/db/seed";
import { seedScale } from "@omni/db/seed/scale";

import { authSecret, repoRoot } from "../scripts/database";

/** A throwaway embedded PostgreSQL with the demo seed and, optionally, the large synthetic catalogue. */
export async function benchDatabase(
  scale?: {
    variants: number;
    locations: number;
    ordersPerDay?: number;
  },
  /** `durable`: fsync and synchronous commit on, as a production server (and the peer's PostgreSQL) runs. */
  /** `settings`: more server settings (`-c name=value`). */
  options: { durable?: boolean; settings?: Record<string, string> } = {},
): Promise<{ handle: DbHandle; url: string; server: EmbeddedPostgres; cleanup: () => Promise<void> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "omni-bench-"));
  fs.chmodSync(root, 0o755);
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, "pg"),
    fast: !options.durable,
    settings: options.settings,
  });
  const admin = postgres(server.url(), { max: 1, onnotice: () => {} });
  await admin`create database bench`;
  await admin.end();
  const url = server.url("bench");
  await runMigrations(url);
  const handle = createDb(url, { max: 50 });
  await seedDemo(handle.db);
  if (scale) {
    const started = Date.now();
    await seedScale(handle.sql, scale);
    await handle.sql`analyze`;
    console.log(
      `scale seed: ${scale.variants} variants × ${scale.locations + 6} locations in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return {
    handle,
    url,
    server,
    cleanup: async () => {
      await handle.close();
      await server.stop();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { p50: at(50), p95: at(95), p99: at(99), n: sorted.length };
}

/** Times `fn` `n` times after a warm-up and returns latency percentiles in milliseconds. */
export async function measure(n: number, fn: (i: number) => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, n); i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return percentiles(samples);
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/**
 * `count` app processes serving the shared router over HTTP (packages/api/src/testing-server.ts: the apps' API
 * without Next, each with its own pool and read cache). Resolves with their base URLs and a stop function.
 */
export async function startApiProcesses(url: string, count: number, app: "web" | "kiosk" = "web") {
  const script = new URL("../packages/api/src/testing-server.ts", import.meta.url).pathname;
  const children: ChildProcess[] = [];
  const bases = await Promise.all(
    Array.from({ length: count }, async () => {
      const port = await freePort();
      const child = spawn(process.execPath, ["--import", "tsx", script, url, String(port), app], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
        child.on("exit", (code) => reject(new Error(`app process exited with ${code}`)));
      });
      return `http://127.0.0.1:${port}`;
    }),
  );
  return { bases, pids: children.map((c) => c.pid!), stop: () => children.forEach((c) => c.kill("SIGTERM")) };
}

/** A tRPC call over HTTP (`input` as JSON); resolves with the data or the error's code and message. */
export async function trpc<T>(
  base: string,
  path: string,
  input: unknown,
  options: { method?: "GET" | "POST"; address?: string } = {},
): Promise<{ ok: true; data: T } | { ok: false; code: string; message: string; status: number }> {
  const method = options.method ?? "POST";
  const encoded = JSON.stringify({ json: input });
  const response = await fetch(
    method === "GET" ? `${base}/api/trpc/${path}?input=${encodeURIComponent(encoded)}` : `${base}/api/trpc/${path}`,
    {
      method,
      headers: {
        "content-type": "application/json",
        ...(options.address ? { "x-test-address": options.address } : {}),
      },
      body: method === "POST" ? encoded : undefined,
    },
  );
  const body = (await response.json()) as {
    result?: { data: { json: T } };
    error?: { json: { message: string; data?: { code?: string } } };
  };
  if (body.result) return { ok: true, data: body.result.data.json };
  return {
    ok: false,
    code: body.error?.json.data?.code ?? "UNKNOWN",
    message: body.error?.json.message ?? "",
    status: response.status,
  };
}

/**
 * One production shop process on `port` (the apps' start script, tooling/next-config/serve.mjs) on the database at
 * `url`, in its own process group (stop it with `process.kill(-pid)`). `env` adds to the benchmark settings,
 * `nodeOptions` go to node before the script (e.g. `--cpu-prof`, `--trace-gc`); `stdout: "pipe"` hands the
 * process's output to the caller (soak reads the GC lines of --trace-gc from it), else it is dropped.
 */
export function spawnShop(
  url: string,
  port: number,
  env: Record<string, string> = {},
  nodeOptions: string[] = [],
  stdout: "ignore" | "pipe" = "ignore",
) {
  return spawn(
    process.execPath,
    [...nodeOptions, "../../tooling/next-config/serve.mjs", "--port", String(port), "--hostname", "127.0.0.1"],
    {
      cwd: path.join(repoRoot, "apps", "web"),
      env: {
        ...process.env,
        DATABASE_URL: url,
        AUTH_SECRET: authSecret(true),
        AUTH_TRUST_HOST: "true",
        NEXT_TELEMETRY_DISABLED: "1",
        NODE_ENV: "production",
        ...env,
      },
      stdio: ["ignore", stdout, "inherit"],
      detached: true,
    },
  );
}

/** The checkout every benchmark places: a guest's home delivery paid by a test card that is accepted. */
export const benchCheckout = (cartId: string, idempotencyKey: string, email = "jan@example.com") => ({
  cartId,
  email,
  name: "Jan Kowalski",
  phone: "+48500000000",
  fulfillment: {
    type: "delivery" as const,
    address: { line1: "ul. Testowa 1", city: "Warszawa", postalCode: "00-001", country: "PL" },
  },
  payment: { method: "card" as const, token: "tok_ok" },
  idempotencyKey,
});
