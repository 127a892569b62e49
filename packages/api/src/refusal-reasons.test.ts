import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { DOMAIN_REASONS } from "@omni/domain/kernel";
import { createTestOrder, skusInStock } from "@omni/domain/testing";

import { callerFor, httpHandler } from "./testing";

/**
 * The refusals people met in English (issue 20) reach the apps as a reason and its parameters, which
 * each app words in its own language (packages/ui/src/error-wording.test.tsx reads them in Polish).
 */
const t = await createTestDatabase();
afterAll(() => t.close());

const post = (path: string, json: unknown) =>
  new Request(`http://x/api/trpc/${path}`, {
    method: "POST",
    body: JSON.stringify({ json }),
    headers: { "content-type": "application/json" },
  });
const get = (path: string, json: unknown) =>
  new Request(`http://x/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json }))}`);

type Refusal = { code: string; reason?: string; params?: Record<string, string | number> };
const refusalOf = async (response: Response): Promise<Refusal> => (await response.json()).error.json.data;

const userId = async (email: string) => (await t.sql`select id from users where email = ${email}`)[0]!.id as string;

let skus: string[] = [];
beforeAll(async () => {
  skus = await skusInStock(t.db, "krakow", 1, 2);
});

describe("refusals carry their reason over the wire", () => {
  it("names why a staff invitation is refused, with the address", async () => {
    const admin = httpHandler(t.db, "admin");
    const as = { userId: await userId("admin@example.com") };
    const existing = await admin(
      post("staff.invite", { email: "ola@example.com", name: "Ola", role: "associate", storeIds: ["krakow"] }),
      as,
    );
    expect(existing.status).toBe(409);
    expect(await refusalOf(existing)).toMatchObject({ reason: "staff_exists", params: { email: "ola@example.com" } });

    await (
      await callerFor(t.db, "anonymous", "web", "203.0.113.40")
    ).account.signUp({ email: "not.yet@example.com", password: "long-enough-pass", name: "Not Yet" });
    const unverified = await admin(
      post("staff.invite", { email: "not.yet@example.com", name: "Not Yet", role: "associate", storeIds: ["krakow"] }),
      as,
    );
    expect(await refusalOf(unverified)).toMatchObject({
      reason: "staff_email_unverified",
      params: { email: "not.yet@example.com" },
    });

    const noStore = await admin(
      post("staff.invite", { email: "new.one@example.com", name: "New", role: "associate", storeIds: [] }),
      as,
    );
    expect(await refusalOf(noStore)).toMatchObject({ code: "BAD_REQUEST", reason: "staff_store_required" });
  });

  it("names a wrong pickup code at the counter", async () => {
    const wrong = await httpHandler(t.db, "admin")(get("pickup.get", { code: "ZZZZ9999" }), {
      userId: await userId("ola@example.com"),
    });
    expect(wrong.status).toBe(404);
    expect(await refusalOf(wrong)).toMatchObject({ reason: "pickup_code_unknown" });
  });

  it("names an order the kiosk cannot hand over, with its number and status", async () => {
    const order = await createTestOrder(t.db, {
      locationId: "krakow",
      lines: [{ sku: skus[0]!, quantity: 1 }],
      status: "cancelled",
    });
    const refused = await httpHandler(t.db, "kiosk")(post("pickup.checkIn", { code: order.pickupCode }), {
      deviceToken: "dev-kiosk-krakow",
    });
    expect(refused.status).toBe(409);
    expect(await refusalOf(refused)).toMatchObject({
      reason: "order_not_collectable",
      params: { order: order.number, status: "cancelled" },
    });
  });

  it("names the procedure tiers' refusals too", async () => {
    const asShopper = await httpHandler(t.db, "admin")(get("fulfillment.queue", { storeId: "krakow" }), {
      userId: await userId("ada@example.com"),
    });
    expect(asShopper.status).toBe(403);
    expect(await refusalOf(asShopper)).toMatchObject({ reason: "staff_only" });
    const otherStore = await httpHandler(t.db, "admin")(get("fulfillment.queue", { storeId: "gdansk" }), {
      userId: await userId("ola@example.com"),
    });
    expect(await refusalOf(otherStore)).toMatchObject({ reason: "not_your_store" });
    const signedOut = await httpHandler(t.db, "web")(get("account.me", null));
    expect(signedOut.status).toBe(401);
    expect(DOMAIN_REASONS).toContain((await refusalOf(signedOut)).reason);
  });
});
