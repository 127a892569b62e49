import { afterAll, describe, expect, it } from "vitest";

import { READ_CACHE_CHANNEL } from "@omni/db";
import { createTestDatabase } from "@omni/db/testing";

import { ReadCache } from "./read-cache";

/** The rules that keep the read cache from serving a stale answer, on a real listener. */
const t = await createTestDatabase({ max: 4 });
const cache = new ReadCache(t.sql, { ttlMs: 60_000, maxEntries: 3 });
afterAll(async () => {
  await cache.close();
  await t.close();
});

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
};

describe("the read cache", () => {
  it("serves a second read from memory, and reads again after a NOTIFY of its topic", async () => {
    await until(() => cache.serving);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.read("a", ["catalog"], load)).toBe(1);
    expect(await cache.read("a", ["catalog"], load)).toBe(1);
    await t.sql`select pg_notify(${READ_CACHE_CHANNEL}, 'stores')`;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await cache.read("a", ["catalog"], load)).toBe(1);
    await t.sql`select pg_notify(${READ_CACHE_CHANNEL}, 'catalog')`;
    // The NOTIFY arrives a moment later: the next reads load again.
    let answer = 1;
    for (let i = 0; i < 100 && answer === 1; i++) {
      answer = await cache.read("a", ["catalog"], load);
      if (answer === 1) await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(answer).toBe(2);
  });

  it("does not keep an answer whose read began before a change", async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const first = cache.read("b", ["stock"], async () => {
      await slow;
      return "old";
    });
    cache.drop(["stock"]);
    release();
    expect(await first).toBe("old");
    expect(await cache.read("b", ["stock"], async () => "new")).toBe("new");
  });

  it("keeps no answer past the moment it changes by itself", async () => {
    const soon = Date.now() + 50;
    await cache.read(
      "c",
      ["catalog"],
      async () => "before",
      () => soon,
    );
    expect(await cache.read("c", ["catalog"], async () => "after")).toBe("before");
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(await cache.read("c", ["catalog"], async () => "after")).toBe("after");
  });

  it("forgets the oldest answers beyond its size", async () => {
    for (const key of ["d1", "d2", "d3", "d4"]) await cache.read(key, ["stores"], async () => key);
    expect(await cache.read("d1", ["stores"], async () => "read again")).toBe("read again");
    expect(await cache.read("d4", ["stores"], async () => "read again")).toBe("d4");
  });
});
