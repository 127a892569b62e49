import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { skusInStock } from "@omni/domain/testing";

import { callerFor } from "./testing";

/**
 * The attack: reservations were unlimited and anonymous, so one script could hold every unit of
 * every store. Contract: a caller's first 5 in an hour always go through, from the 21st on they are
 * TOO_MANY_REQUESTS; likewise per e-mail; and one reservation holds at most a set number of units.
 */
const t = await createTestDatabase({ max: 20 });
afterAll(() => t.close());

let skus: string[] = [];
let next = 0;
beforeAll(async () => {
  skus = await skusInStock(t.db, "krakow", 1, 60);
  expect(skus.length).toBe(60);
});

async function reserve(ip: string, email: string, quantity = 1) {
  const api = await callerFor(t.db, "anonymous", "web", ip);
  const sku = skus[next++ % skus.length]!;
  return api.reservations
    .create({ storeId: "krakow", lines: [{ sku, quantity }], email, name: "R", idempotencyKey: `limit-test-${next}` })
    .then(
      () => "ok",
      (error: { code?: string }) => error.code,
    );
}

describe("reservations.create limits", () => {
  it("per caller: the first 20 in an hour go through, the 21st is TOO_MANY_REQUESTS, whatever the e-mail", async () => {
    const answers = [];
    for (let i = 1; i <= 21; i++) answers.push(await reserve("203.0.113.1", `shopper${i}@example.com`));
    expect(answers.slice(0, 20)).toEqual(Array(20).fill("ok"));
    expect(answers[20]).toBe("TOO_MANY_REQUESTS");
    // Another caller is not affected.
    expect(await reserve("203.0.113.2", "someone@example.com")).toBe("ok");
  });

  it("per e-mail: a spent e-mail stops a caller after its first 5, which always go through", async () => {
    for (let i = 1; i <= 20; i++) expect(await reserve("203.0.113.3", "target@example.com")).toBe("ok");
    const victim = [];
    for (let i = 1; i <= 6; i++) victim.push(await reserve("203.0.113.4", "target@example.com"));
    expect(victim).toEqual(["ok", "ok", "ok", "ok", "ok", "TOO_MANY_REQUESTS"]);
  });

  it("caps the units of one reservation by the `reservation_max_units` setting", async () => {
    const [sku] = await skusInStock(t.db, "warszawa", 3, 1);
    const api = await callerFor(t.db, "anonymous", "web", "203.0.113.5");
    const create = (quantity: number, k: string) =>
      api.reservations.create({
        storeId: "warszawa",
        lines: [{ sku: sku!, quantity }],
        email: "cap@example.com",
        name: "C",
        idempotencyKey: `cap-test-${k}`,
      });
    await expect(create(11, "a")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await t.sql`insert into settings (key, value) values ('reservation_max_units', '2'::jsonb)`;
    await expect(create(3, "b")).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 2"),
    });
    await expect(create(2, "c")).resolves.toMatchObject({ status: "active" });
  });
});
