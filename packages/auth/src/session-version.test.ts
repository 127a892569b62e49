import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { signUp } from "@omni/domain/accounts";
import { inviteStaff, updateStaff } from "@omni/domain/staff";

import { verifyCredentials } from "./credentials";
import { sessionIsCurrent } from "./session-version";

/**
 * The attack: someone registers the address of a future employee as a shopper and stays signed in;
 * when an admin invites that address as staff, the existing session became a staff session. Now every
 * session of an account ends when its role or password changes (checked on each request).
 */
const t = await createTestDatabase();
afterAll(() => t.close());

const admin = {
  channel: "store" as const,
  storeIds: [],
  role: "admin" as const,
  userId: undefined,
  email: "admin@example.com",
};
const claimsOf = (user: { id: string; sessionVersion: number } | null) => ({ sub: user!.id, sv: user!.sessionVersion });

describe("session version", () => {
  it("ends the registrant's session when their (verified) account is invited as staff", async () => {
    await signUp(
      t.db,
      { channel: "web", storeIds: [], ip: "203.0.113.60" },
      {
        email: "new-hire@example.com",
        password: "registered-first",
        name: "Squatter",
      },
    );
    const session = claimsOf(
      await verifyCredentials(t.db, { email: "new-hire@example.com", password: "registered-first" }),
    );
    expect(await sessionIsCurrent(t.db, session)).toBe(true);
    // Only an account whose owner confirmed the address can be promoted (see account-recovery.test.ts).
    await t.sql`update users set email_verified = now() where email = 'new-hire@example.com'`;

    await inviteStaff(t.db, admin, {
      email: "new-hire@example.com",
      name: "New Hire",
      role: "associate",
      storeIds: ["krakow"],
    });
    expect(await sessionIsCurrent(t.db, session)).toBe(false);
    // The owner proved the address, so the password stays theirs; signing in again gives a staff session.
    const again = await verifyCredentials(t.db, { email: "new-hire@example.com", password: "registered-first" });
    expect(await sessionIsCurrent(t.db, claimsOf(again))).toBe(true);
  }, 60_000);

  it("ends every session of an account whose role changes, and only of that account", async () => {
    const ola = claimsOf(await verifyCredentials(t.db, { email: "ola@example.com", password: "demo-staff" }));
    const max = claimsOf(await verifyCredentials(t.db, { email: "max@example.com", password: "demo-manager" }));
    await updateStaff(t.db, admin, { userId: ola.sub, role: "manager" });
    expect(await sessionIsCurrent(t.db, ola)).toBe(false);
    expect(await sessionIsCurrent(t.db, max)).toBe(true);
    // Signing in again gives a session at the new version.
    const again = claimsOf(await verifyCredentials(t.db, { email: "ola@example.com", password: "demo-staff" }));
    expect(await sessionIsCurrent(t.db, again)).toBe(true);
  }, 60_000);

  it("refuses tokens without an account or for a deactivated one", async () => {
    expect(await sessionIsCurrent(t.db, { sub: "not-a-uuid" })).toBe(false);
    expect(await sessionIsCurrent(t.db, { sub: "00000000-0000-0000-0000-000000000000", sv: 0 })).toBe(false);
  });
});
