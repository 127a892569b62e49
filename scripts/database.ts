import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { createDb } from "@omni/db";
import { demoRequested, prepareDeployment } from "@omni/db/deployment";
import { defaultDataDir, startEmbeddedPostgres, type EmbeddedPostgres } from "@omni/db/embedded";
import { seedDemoImages } from "@omni/domain/catalog";
import { demoProductPicture } from "@omni/ui/product-picture-svg";

export const repoRoot = path.resolve(import.meta.dirname, "..");

/**
 * The database the apps run on: `DATABASE_URL` when set, otherwise an embedded PostgreSQL whose
 * data lives in a git-ignored folder. Migrations run every time. The embedded database is the demo
 * and gets the demo seed once; a `DATABASE_URL` database gets it only when the operator asks
 * (`--demo` or `OMNI_DEMO_SEED=1`), never by default. `demo` tells the apps which of the two they run.
 */
export async function prepareDatabase(
  options: { dataDir?: string; fresh?: boolean; demo?: boolean } = {},
): Promise<{ url: string; server?: EmbeddedPostgres; demo: boolean }> {
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
  const demo = !!server || (options.demo ?? demoRequested(process.argv, process.env.OMNI_DEMO_SEED));
  await prepareDeployment(url, { demo });
  if (demo) await addDemoPictures(url);
  if (!demo)
    console.log("Production database: migrated, no demo data. Create the first admin with `pnpm admin:create`.");
  return { url, server, demo };
}

/**
 * The demo's product pictures, stored through the image store as uploads are (one drawing per category and colour,
 * made once and kept in the store). Only products without a picture get them, so this is quick after the first time.
 */
async function addDemoPictures(url: string): Promise<void> {
  const handle = createDb(url, { max: 2 });
  try {
    const added = await seedDemoImages(handle.db, demoProductPicture);
    if (added) console.log(`Stored ${added} demo product pictures.`);
  } finally {
    await handle.close();
  }
}

/**
 * A stable AUTH_SECRET for the demo, made once and kept beside the data. A real deployment must
 * bring its own: a secret in a file next to the code is not one an operator chose or rotates.
 */
export function authSecret(demo: boolean): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!demo) throw new Error("Set AUTH_SECRET (for example `openssl rand -base64 32`) to run on DATABASE_URL.");
  const file = path.join(repoRoot, ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
