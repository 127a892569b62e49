import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import postgres from "postgres";

import { createDb, runMigrations, type DbHandle } from "@omni/db";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@omni/db/embedded";
import { seedDemo } from "@omni/db/seed";
import { seedScale } from "@omni/db/seed/scale";

/** A throwaway embedded PostgreSQL with the demo seed and, optionally, the large synthetic catalogue. */
export async function benchDatabase(scale?: {
  variants: number;
  locations: number;
  ordersPerDay?: number;
}): Promise<{ handle: DbHandle; url: string; server: EmbeddedPostgres; cleanup: () => Promise<void> }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "omni-bench-"));
  fs.chmodSync(root, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), fast: true });
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
