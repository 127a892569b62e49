import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { verifyCredentials } from "./credentials";

const t = await createTestDatabase();
afterAll(() => t.close());

describe("sign-in with e-mail and password", () => {
  it("accepts the right password in any letter case of the address, and refuses a wrong one", async () => {
    expect(await verifyCredentials(t.db, { email: " ADA@example.com ", password: "demo-shopper" })).toMatchObject({
      email: "ada@example.com",
    });
    expect(await verifyCredentials(t.db, { email: "ada@example.com", password: "wrong" })).toBeNull();
    expect(await verifyCredentials(t.db, { email: "nobody@example.com", password: "demo-shopper" })).toBeNull();
    expect(await verifyCredentials(t.db, { email: ["ada@example.com"], password: 1 })).toBeNull();
  });

  it("refuses even the right password after ten wrong ones for the address, kept in the database", async () => {
    for (let i = 0; i < 10; i++)
      expect(await verifyCredentials(t.db, { email: "ola@example.com", password: `guess-${i}` })).toBeNull();
    expect(await verifyCredentials(t.db, { email: "ola@example.com", password: "demo-staff" })).toBeNull();
    const [row] =
      await t.sql`select count(*)::int n from rate_limit_hits where bucket = 'signIn' and key = 'email:ola@example.com'`;
    expect(row!.n).toBe(10);
    expect(await verifyCredentials(t.db, { email: "max@example.com", password: "demo-manager" })).toMatchObject({
      email: "max@example.com",
    });
  });

  it("refuses a deactivated account", async () => {
    await t.sql`update users set active = false where email = 'max@example.com'`;
    expect(await verifyCredentials(t.db, { email: "max@example.com", password: "demo-manager" })).toBeNull();
  });
});
