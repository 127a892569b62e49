import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { authSecret, prepareDatabase, repoRoot } from "./database";
import { startRoundRobinProxy } from "./round-robin-proxy";

/**
 * `pnpm test:replicas [journeys…]`: the apps' standalone servers (what the Dockerfiles run), with TWO replicas
 * of the shop behind a round-robin proxy, on a fresh embedded database; then Playwright journeys against the
 * proxy. Nothing is kept in an app's memory between requests (sessions are signed cookies, carts and limits
 * live in PostgreSQL), so a journey passes whichever replica answers each request. Builds first unless
 * OMNI_E2E_SKIP_BUILD is set. Ports: OMNI_E2E_PORT (default 3200) for the proxy, +1 kiosk, +2 admin,
 * +10 and +11 the shop replicas.
 */
const base = Number(process.env.OMNI_E2E_PORT ?? 3200);
const journeys = process.argv.slice(2).filter((arg) => arg !== "--");
const selected = journeys.length
  ? journeys
  : ["e2e/journeys/smoke.spec.ts", "e2e/journeys/web-shopper.spec.ts", "e2e/journeys/cross-handoff.spec.ts"];

const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "omni-replicas-"));
fs.chmodSync(dataRoot, 0o755);
delete process.env.DATABASE_URL;
const { url, server } = await prepareDatabase({ dataDir: path.join(dataRoot, "pg") });

const shopReplicas = [`http://127.0.0.1:${base + 10}`, `http://127.0.0.1:${base + 11}`];
const urls = {
  web: `http://127.0.0.1:${base}`,
  kiosk: `http://127.0.0.1:${base + 1}`,
  admin: `http://127.0.0.1:${base + 2}`,
};
const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: url,
  AUTH_SECRET: authSecret(true),
  OMNI_DEMO: "1",
  AUTH_TRUST_HOST: "true",
  OMNI_INSECURE_COOKIES: "1",
  OMNI_KIOSK_IDLE_MS: "15000",
  OMNI_KIOSK_WARN_MS: "5000",
  OMNI_WEBHOOKS_ALLOW_PRIVATE: "1",
  OMNI_WEB_URL: urls.web,
  OMNI_KIOSK_URL: urls.kiosk,
  OMNI_ADMIN_URL: urls.admin,
  OMNI_E2E_WEB: urls.web,
  OMNI_E2E_KIOSK: urls.kiosk,
  OMNI_E2E_ADMIN: urls.admin,
  OMNI_E2E_DATABASE_URL: url,
  NEXT_TELEMETRY_DISABLED: "1",
};

/** The standalone server of an app, with its static files beside it as the Dockerfiles copy them. */
function standaloneServer(app: string): string {
  const dir = path.join(repoRoot, "apps", app, ".next", "standalone", "apps", app);
  const serverJs = path.join(dir, "server.js");
  if (!fs.existsSync(serverJs)) throw new Error(`No standalone build of ${app}: run without OMNI_E2E_SKIP_BUILD.`);
  fs.cpSync(path.join(repoRoot, "apps", app, ".next", "static"), path.join(dir, ".next", "static"), {
    recursive: true,
  });
  const publicDir = path.join(repoRoot, "apps", app, "public");
  if (fs.existsSync(publicDir)) fs.cpSync(publicDir, path.join(dir, "public"), { recursive: true });
  return serverJs;
}

const children: ChildProcess[] = [];
const startServer = (app: string, port: number) => {
  const child = spawn(process.execPath, [standaloneServer(app)], {
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  children.push(child);
};

let status = 1;
const proxy = startRoundRobinProxy(shopReplicas, base);
try {
  if (!process.env.OMNI_E2E_SKIP_BUILD) {
    const build = spawnSync("pnpm", ["exec", "turbo", "run", "build", "--filter=./apps/*"], {
      cwd: repoRoot,
      env,
      stdio: "inherit",
    });
    if (build.status !== 0) throw new Error("The apps did not build.");
  }
  shopReplicas.forEach((replica) => startServer("web", Number(new URL(replica).port)));
  startServer("kiosk", base + 1);
  startServer("admin", base + 2);
  children.push(
    spawn("pnpm", ["exec", "tsx", "scripts/worker.ts"], {
      cwd: repoRoot,
      env: { ...env, OMNI_WORKER_FAST: "1" },
      stdio: "inherit",
      detached: true,
    }),
  );
  for (const u of [...shopReplicas, urls.kiosk, urls.admin]) {
    const deadline = Date.now() + 120_000;
    while (
      !(await fetch(`${u}/api/trpc/stores.list`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`${u} did not start`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  proxy.served.fill(0);
  const args = ["exec", "playwright", "test", "--config", "e2e/playwright.config.ts", ...selected];
  // Not spawnSync: the proxy runs in this process and must keep serving while the journeys run.
  const playwright = spawn("pnpm", args, { cwd: repoRoot, env, stdio: "inherit" });
  status = await new Promise<number>((resolve) => playwright.on("exit", (code) => resolve(code ?? 1)));
  console.log(`Shop requests served per replica: ${proxy.served.join(" / ")}`);
  if (proxy.served.some((n) => n === 0)) {
    console.error("A replica served nothing: the journeys did not run across both.");
    status = 1;
  }
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
  await proxy.close();
  await server?.stop();
  fs.rmSync(dataRoot, { recursive: true, force: true });
}
process.exit(status);
