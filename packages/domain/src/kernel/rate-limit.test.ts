import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { clearRateLimits, consumeOrRefuse, limits } from "./rate-limit";

const t = await createTestDatabase();
afterAll(() => t.close());

describe("rate limits in PostgreSQL", () => {
  it("are atomic: of 40 racing attempts exactly the bucket's size go through", async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, () => consumeOrRefuse(t.db, [["reservations", "ip:203.0.113.50"]])),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(limits.reservations.points);
    expect(
      outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason.code),
    ).toEqual(Array(40 - limits.reservations.points).fill("TOO_MANY_REQUESTS"));
  });

  it("lose their lapsed counters to the sweep, and keep the live ones", async () => {
    await consumeOrRefuse(t.db, [["codes", "ip:203.0.113.51"]]);
    const live = await t.sql`select count(*)::int n from rate_limits`;
    expect(await clearRateLimits.run(t.db, new Date())).toBe(0);
    const later = new Date(Date.now() + 2 * 60 * 60 * 1000);
    expect(await clearRateLimits.run(t.db, later)).toBe(live[0]!.n);
    expect((await t.sql`select count(*)::int n from rate_limits`)[0]!.n).toBe(0);
  });
});
