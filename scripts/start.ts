import { spawn, type ChildProcess } from "node:child_process";

import { authSecret, prepareDatabase, repoRoot } from "./database";

/**
 * `pnpm start`: the database, a production build of the three apps, the apps on ports 3000–3002
 * and the background worker. `pnpm dev` runs the apps with `next dev` instead.
 */
const dev = process.argv.includes("--dev");
const { url, server, demo } = await prepareDatabase();

const env = {
  ...process.env,
  DATABASE_URL: url,
  AUTH_SECRET: authSecret(demo),
  // The demo's doors (the kiosk's development-token form) open only on the demo database.
  OMNI_DEMO: demo ? "1" : "0",
  AUTH_TRUST_HOST: "true",
  OMNI_WEB_URL: process.env.OMNI_WEB_URL ?? "http://localhost:3000",
  OMNI_KIOSK_URL: process.env.OMNI_KIOSK_URL ?? "http://localhost:3001",
  OMNI_ADMIN_URL: process.env.OMNI_ADMIN_URL ?? "http://localhost:3002",
  // The demo on the embedded database may send webhooks to a receiver on this machine; a deployment with its
  // own DATABASE_URL may not, unless its operator says so.
  OMNI_WEBHOOKS_ALLOW_PRIVATE: process.env.OMNI_WEBHOOKS_ALLOW_PRIVATE ?? (server ? "1" : "0"),
};

const run = (command: string, args: string[]) =>
  new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: "inherit" });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });

if (!dev) await run("pnpm", ["exec", "turbo", "run", "build", "--filter=./apps/*"]);

const children: ChildProcess[] = [];
for (const app of ["web", "kiosk", "admin"]) {
  children.push(
    spawn("pnpm", ["--filter", `@omni/${app}`, dev ? "dev" : "start"], { cwd: repoRoot, env, stdio: "inherit" }),
  );
}
children.push(spawn("pnpm", ["exec", "tsx", "scripts/worker.ts"], { cwd: repoRoot, env, stdio: "inherit" }));

console.log("\n  Shop   http://localhost:3000\n  Kiosk  http://localhost:3001\n  Admin  http://localhost:3002\n");

const stop = async () => {
  for (const child of children) child.kill("SIGTERM");
  await server?.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
