import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { authSecret, prepareDatabase, repoRoot } from "./database";
import { startRoundRobinProxy } from "./round-robin-proxy";

/**
 * Runs the Playwright journeys against production builds of the three apps on a fresh embedded database with
 * the demo seed, the way a real deployment scales out: OMNI_E2E_REPLICAS processes of every app (default 2)
 * behind a round-robin proxy each, and OMNI_E2E_WORKERS workers (default 3) on the one database. The journeys
 * assert exact outcomes, so they pass only if nothing depends on which process answers a request or which
 * worker takes a job; the run fails unless every process served requests. `OMNI_E2E_REPLICAS=1
 * OMNI_E2E_WORKERS=1` runs the journeys on one of each. Ports: OMNI_E2E_PORT (default 3100) for the shop's
 * proxy, +1 the kiosk's, +2 admin's; the processes behind them from +10 up.
 */
const base = Number(process.env.OMNI_E2E_PORT ?? 3100);
const replicas = Math.max(1, Number(process.env.OMNI_E2E_REPLICAS ?? 2));
const workers = Math.max(1, Number(process.env.OMNI_E2E_WORKERS ?? 3));
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "omni-e2e-"));
fs.chmodSync(dataRoot, 0o755);
delete process.env.DATABASE_URL; // the journeys always run on their own database
const { url, server } = await prepareDatabase({ dataDir: path.join(dataRoot, "pg") });

const apps = ["web", "kiosk", "admin"] as const;
const publicUrl = (i: number) => `http://127.0.0.1:${base + i}`;
const urls = { web: publicUrl(0), kiosk: publicUrl(1), admin: publicUrl(2) };
const env = {
  ...process.env,
  DATABASE_URL: url,
  AUTH_SECRET: authSecret(true),
  OMNI_DEMO: "1",
  AUTH_TRUST_HOST: "true",
  OMNI_INSECURE_COOKIES: "1",
  // Short enough for the idle journey, long enough that a slow page never resets a kiosk mid-journey.
  OMNI_KIOSK_IDLE_MS: "15000",
  OMNI_KIOSK_WARN_MS: "5000",
  OMNI_WEB_URL: urls.web,
  OMNI_KIOSK_URL: urls.kiosk,
  OMNI_ADMIN_URL: urls.admin,
  OMNI_E2E_WEB: urls.web,
  OMNI_E2E_KIOSK: urls.kiosk,
  OMNI_E2E_ADMIN: urls.admin,
  OMNI_E2E_DATABASE_URL: url,
  // The journeys run the demo: webhooks may reach a receiver on this machine.
  OMNI_WEBHOOKS_ALLOW_PRIVATE: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};

const children: ChildProcess[] = [];
const proxies: ReturnType<typeof startRoundRobinProxy>[] = [];
let status = 1;
try {
  if (!process.env.OMNI_E2E_SKIP_BUILD) {
    const build = spawnSync("pnpm", ["exec", "turbo", "run", "build", "--filter=./apps/*"], {
      cwd: repoRoot,
      env,
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("The apps did not build.");
  }
  const upstreams = apps.map((app, i) =>
    Array.from({ length: replicas }, (_, r) => {
      const port = base + 10 + i * replicas + r;
      // The apps' own server (next start plus the socket address for rate limits), as in production.
      const serve = path.join(repoRoot, "tooling/next-config/serve.mjs");
      const child = spawn("node", [serve, "--port", String(port), "--hostname", "127.0.0.1"], {
        cwd: path.join(repoRoot, "apps", app),
        env,
        stdio: ["ignore", "inherit", "inherit"],
        detached: true,
      });
      children.push(child);
      return `http://127.0.0.1:${port}`;
    }),
  );
  for (let w = 0; w < workers; w++) {
    const worker = spawn("pnpm", ["exec", "tsx", "scripts/worker.ts"], {
      cwd: repoRoot,
      env: { ...env, OMNI_WORKER_FAST: "1" },
      stdio: "inherit",
      detached: true,
    });
    children.push(worker);
  }
  for (const u of upstreams.flat()) {
    const deadline = Date.now() + 180_000;
    while (
      (await fetch(`${u}/api/trpc/stores.list`)
        .then((r) => r.ok)
        .catch(() => false)) === false
    ) {
      if (Date.now() > deadline) throw new Error(`${u} did not start`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  upstreams.forEach((group, i) => proxies.push(startRoundRobinProxy(group, base + i)));
  console.log(`Journeys on ${replicas} process(es) of every app and ${workers} worker(s).`);
  const args = ["exec", "playwright", "test", "--config", "e2e/playwright.config.ts", ...process.argv.slice(2)];
  // Not spawnSync: the proxies run in this process and must keep serving while the journeys run.
  const playwright = spawn("pnpm", args, { cwd: repoRoot, env, stdio: "inherit" });
  status = await new Promise<number>((resolve) => playwright.on("exit", (code) => resolve(code ?? 1)));
  apps.forEach((app, i) => console.log(`${app}: requests served per process ${proxies[i]!.served.join(" / ")}`));
  const idle = (served: number[]) => served.some((n) => n === 0) && served.reduce((a, b) => a + b) >= served.length;
  if (status === 0 && proxies.some((proxy) => idle(proxy.served))) {
    console.error("A process served nothing: the journeys did not run across every replica.");
    status = 1;
  }
} catch (error) {
  console.error(error);
} finally {
  // The apps and workers finish what they hold before the database goes: a worker stopped after it logs errors.
  const exited = children.map((child) =>
    child.exitCode !== null || child.signalCode
      ? Promise.resolve()
      : new Promise((resolve) => child.once("exit", resolve)),
  );
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await server?.stop();
  fs.rmSync(dataRoot, { recursive: true, force: true });
}
process.exit(status);
