import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";

import postgres from "postgres";
import { afterAll, describe, expect, inject, it } from "vitest";

import { hashToken } from "@omni/db";

import { prepareDatabase, repoRoot } from "./database";

/**
 * The production start path (`pnpm start` / `pnpm db:seed` with DATABASE_URL) on a fresh database:
 * migrated, but no demo account and no development kiosk token anyone could look up in the README.
 */
const server = inject("pgServerUrl");
const names: string[] = [];

async function freshDatabase() {
  const name = `fresh_${randomBytes(5).toString("hex")}`;
  names.push(name);
  const admin = postgres(`${server}postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  return `${server}${name}`;
}

async function contents(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [users] = await sql`select count(*)::int as n from users`;
    const [demo] = await sql`select count(*)::int as n from users where email like '%@example.com'`;
    const devTokens = await sql`select id from kiosk_devices where token_hash = ${hashToken("dev-kiosk-krakow")}`;
    const [migrations] = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
    return {
      users: users!.n as number,
      demo: demo!.n as number,
      devTokens: devTokens.length,
      migrations: migrations!.n,
    };
  } finally {
    await sql.end();
  }
}

afterAll(async () => {
  const admin = postgres(`${server}postgres`, { max: 1, onnotice: () => {} });
  for (const name of names) await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

describe("a DATABASE_URL database", () => {
  it("is migrated and gets no demo account and no development kiosk token", async () => {
    const url = await freshDatabase();
    const before = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    try {
      const prepared = await prepareDatabase();
      expect(prepared.demo).toBe(false);
    } finally {
      process.env.DATABASE_URL = before;
    }
    const after = await contents(url);
    expect(after.migrations).toBeGreaterThan(0);
    expect(after).toMatchObject({ users: 0, demo: 0, devTokens: 0 });
  });

  it("gets the demo seed only when the operator asks for it", async () => {
    const url = await freshDatabase();
    const before = process.env.DATABASE_URL;
    process.env.DATABASE_URL = url;
    try {
      expect((await prepareDatabase({ demo: true })).demo).toBe(true);
    } finally {
      process.env.DATABASE_URL = before;
    }
    expect(await contents(url)).toMatchObject({ demo: 4, devTokens: 1 });
  }, 180_000);

  it("gets its first admin from `pnpm admin:create`, password from stdin, and only once", async () => {
    const url = await freshDatabase();
    const run = (input: string) =>
      execFileSync("pnpm", ["exec", "tsx", "scripts/admin-create.ts", "--email", "Boss@Shop.test", "--name", "Boss"], {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_URL: url, OMNI_ADMIN_PASSWORD: "" },
        input,
        encoding: "utf8",
        stdio: ["pipe", "pipe", "pipe"],
      });
    expect(run("a-long-enough-secret\n")).toContain("boss@shop.test");
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const [admin] = await sql`select role, password_hash from users where email = 'boss@shop.test'`;
    await sql.end();
    expect(admin).toMatchObject({ role: "admin" });
    expect(admin!.password_hash).toMatch(/^scrypt\$/);
    expect(() => run("another-long-secret\n")).toThrow(/already exists/);
    expect(await contents(url)).toMatchObject({ users: 1, demo: 0, devTokens: 0 });
  }, 240_000);
});
