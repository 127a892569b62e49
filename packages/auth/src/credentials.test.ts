import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { verifyCredentials } from "./credentials";

const t = await createTestDatabase();
afterAll(() => t.close());

const timed = async <T>(run: () => Promise<T>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

describe("sign-in with e-mail and password", () => {
  it("accepts the right password in any letter case of the address, and refuses a wrong one", async () => {
    expect(await verifyCredentials(t.db, { email: " ADA@example.com ", password: "demo-shopper" })).toMatchObject({
      email: "ada@example.com",
    });
    expect(await verifyCredentials(t.db, { email: "ada@example.com", password: "wrong" })).toBeNull();
    expect(await verifyCredentials(t.db, { email: "nobody@example.com", password: "demo-shopper" })).toBeNull();
    expect(await verifyCredentials(t.db, { email: ["ada@example.com"], password: 1 })).toBeNull();
  });

  it("stops a guesser after ten wrong passwords from one address, but never locks the account for its owner", async () => {
    for (let i = 0; i < 10; i++)
      expect(await verifyCredentials(t.db, { email: "ola@example.com", password: `guess-${i}` }, "6.6.6.6")).toBeNull();
    // The guesser is refused even the right password, so guessing on tells nothing.
    expect(await verifyCredentials(t.db, { email: "ola@example.com", password: "demo-staff" }, "6.6.6.6")).toBeNull();
    // The owner, from their own address, signs in as ever: ten wrong guesses lock nobody out.
    expect(
      await verifyCredentials(t.db, { email: "ola@example.com", password: "demo-staff" }, "192.0.2.10"),
    ).toMatchObject({ email: "ola@example.com" });
    const [row] = await t.sql`select points from rate_limits where key = 'signInPair:email:ola@example.com|ip:6.6.6.6'`;
    expect(row!.points).toBe(10);
  }, 60_000);

  it("takes as long for an unknown e-mail as for a known one (no account discovery by timing)", async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(
        await timed(() => verifyCredentials(t.db, { email: "ada@example.com", password: `x${i}` }, "192.0.2.20")),
      );
      unknown.push(
        await timed(() => verifyCredentials(t.db, { email: `ghost${i}@example.com`, password: "x" }, "192.0.2.20")),
      );
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1]!;
    // The same scrypt runs either way; a shared machine adds noise, so only a gross gap fails.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  }, 60_000);

  it("hashes with scrypt at OWASP's current cost (N=2^15, r=8, p=3, equal to N=2^17 p=1)", async () => {
    const { hashPassword, verifyPassword } = await import("@omni/db");
    const hash = await hashPassword("correct horse");
    expect(hash).toMatch(/^scrypt\$32768,8,3\$/);
    expect(await verifyPassword("correct horse", hash)).toBe(true);
    expect(await verifyPassword("wrong horse", hash)).toBe(false);
  });

  it("refuses a deactivated account", async () => {
    await t.sql`update users set active = false where email = 'max@example.com'`;
    expect(await verifyCredentials(t.db, { email: "max@example.com", password: "demo-manager" })).toBeNull();
  });
});
