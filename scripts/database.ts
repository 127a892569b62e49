import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { createDb, runMigrations } from "@omni/db";
import { defaultDataDir, startEmbeddedPostgres, type EmbeddedPostgres } from "@omni/db/embedded";
import { isSeeded, seedDemo } from "@omni/db/seed";

export const repoRoot = path.resolve(import.meta.dirname, "..");

/**
 * The database the apps run on: `DATABASE_URL` when set, otherwise an embedded PostgreSQL whose
 * data lives in a git-ignored folder. Migrations run every time; the demo seed loads once.
 */
export async function prepareDatabase(
  options: { dataDir?: string; fresh?: boolean } = {},
): Promise<{ url: string; server?: EmbeddedPostgres }> {
  let url = process.env.DATABASE_URL;
  let server: EmbeddedPostgres | undefined;
  if (!url) {
    const dataDir = options.dataDir ?? defaultDataDir(repoRoot);
    if (options.fresh) fs.rmSync(dataDir, { recursive: true, force: true });
    server = await startEmbeddedPostgres({ dataDir, log: () => {} });
    url = server.url("postgres");
    console.log(
      `Embedded PostgreSQL ${server.reused ? "already running" : "started"} on port ${server.port} (data: ${dataDir})`,
    );
  }
  await runMigrations(url);
  const handle = createDb(url, { max: 2 });
  try {
    if (!(await isSeeded(handle.db))) {
      console.log("Loading the demo seed…");
      await seedDemo(handle.db);
    }
  } finally {
    await handle.close();
  }
  return { url, server };
}

/** A stable AUTH_SECRET for development, made once and kept beside the data. */
export function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(repoRoot, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
