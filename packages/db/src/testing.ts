import { randomBytes } from "node:crypto";

import postgres from "postgres";
import { inject } from "vitest";

import { createDb, type DbHandle } from "./client";

declare module "vitest" {
  export interface ProvidedContext {
    /** `postgres://…/` of the throwaway test cluster, without a database name. */
    pgServerUrl: string;
    pgTemplate: string;
  }
}

export type TestDatabase = DbHandle & { url: string; name: string };

/**
 * A fresh copy of the migrated, seeded template database, for one test file. Copying a template
 * takes a few dozen milliseconds, so every file starts from the same known state.
 */
export async function createTestDatabase(options: { max?: number } = {}): Promise<TestDatabase> {
  const server = inject("pgServerUrl");
  const template = inject("pgTemplate");
  const name = `t_${randomBytes(6).toString("hex")}`;
  const admin = postgres(`${server}postgres`, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const url = `${server}${name}`;
  return { ...createDb(url, { max: options.max ?? 10 }), url, name };
}
