import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { authSecret, prepareDatabase, repoRoot } from "./database";

/**
 * Runs the Playwright journeys against production builds of the three apps on a fresh embedded
 * database with the demo seed. Ports come from OMNI_E2E_PORT (default 3100: web, +1 kiosk, +2 admin).
 */
const base = Number(process.env.OMNI_E2E_PORT ?? 3100);
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "omni-e2e-"));
fs.chmodSync(dataRoot, 0o755);
delete process.env.DATABASE_URL; // the journeys always run on their own database
const { url, server } = await prepareDatabase({ dataDir: path.join(dataRoot, "pg") });

const urls = {
  web: `http://127.0.0.1:${base}`,
  kiosk: `http://127.0.0.1:${base + 1}`,
  admin: `http://127.0.0.1:${base + 2}`,
};
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
  (["web", "kiosk", "admin"] as const).forEach((app, i) => {
    // The apps' own server (next start plus the socket address for rate limits), as in production.
    const serve = path.join(repoRoot, "tooling/next-config/serve.mjs");
    const child = spawn("node", [serve, "--port", String(base + i), "--hostname", "127.0.0.1"], {
      cwd: path.join(repoRoot, "apps", app),
      env,
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    children.push(child);
  });
  const worker = spawn("pnpm", ["exec", "tsx", "scripts/worker.ts"], {
    cwd: repoRoot,
    env: { ...env, OMNI_WORKER_FAST: "1" },
    stdio: "inherit",
    detached: true,
  });
  children.push(worker);
  for (const u of Object.values(urls)) {
    const deadline = Date.now() + 120_000;
    while (
      (await fetch(`${u}/api/trpc/stores.list`)
        .then((r) => r.ok)
        .catch(() => false)) === false
    ) {
      if (Date.now() > deadline) throw new Error(`${u} did not start`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  const args = ["exec", "playwright", "test", "--config", "e2e/playwright.config.ts", ...process.argv.slice(2)];
  status = spawnSync("pnpm", args, { cwd: repoRoot, env, stdio: "inherit" }).status ?? 1;
} catch (error) {
  console.error(error);
} finally {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
  await server?.stop();
  fs.rmSync(dataRoot, { recursive: true, force: true });
}
process.exit(status);
