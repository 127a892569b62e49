import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import postgres from "postgres";
import type { TestProject } from "vitest/node";

import { createDb, runMigrations } from "@omni/db";
import { startEmbeddedPostgres } from "@omni/db/embedded";
import { seedDemo } from "@omni/db/seed";

// Brings in the typing of the values provided below (vitest's ProvidedContext); erased at run time.
import type {} from "@omni/db/testing";

const TEMPLATE = "omni_template";

/** One throwaway PostgreSQL for the whole run, with a migrated and seeded template database. */
export default async function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "omni-test-"));
  fs.chmodSync(root, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), fast: true });
  const admin = postgres(pg.url(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${TEMPLATE}`);
  await admin.end();
  await runMigrations(pg.url(TEMPLATE));
  const handle = createDb(pg.url(TEMPLATE), { max: 2 });
  await seedDemo(handle.db);
  await handle.close();

  project.provide("pgServerUrl", pg.url("").replace(/\/$/, "/"));
  project.provide("pgTemplate", TEMPLATE);

  return async () => {
    await pg.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
}
