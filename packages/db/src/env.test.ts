import { afterEach, expect, it, vi } from "vitest";

// env.ts checks the settings when it loads: each case loads a fresh copy under the stubbed settings.
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

it("names a malformed pool size instead of failing later", async () => {
  vi.stubEnv("DATABASE_POOL_SIZE", "ten");
  await expect(import("./env")).rejects.toThrow(/Invalid settings: DATABASE_POOL_SIZE/);
});

it("names a database URL that is not a PostgreSQL one", async () => {
  vi.stubEnv("DATABASE_URL", "mysql://localhost/omni");
  await expect(import("./env")).rejects.toThrow(/DATABASE_URL must be a postgres/);
});

it("runs the demo with nothing set", async () => {
  vi.stubEnv("DATABASE_POOL_SIZE", "");
  vi.stubEnv("DATABASE_URL", "");
  const { dbEnv } = await import("./env");
  expect(dbEnv.DATABASE_POOL_SIZE).toBe(10);
  expect(dbEnv.DATABASE_URL).toBeUndefined();
});
