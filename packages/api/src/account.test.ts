import { afterAll, describe, expect, it } from "vitest";

import { verifyPassword } from "@omni/db";
import { createTestDatabase } from "@omni/db/testing";
import { redeemKioskSignInToken } from "@omni/domain/accounts";

import { callerFor } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

describe("account procedures", () => {
  it("signs a shopper up, refuses the same e-mail twice with a clear CONFLICT, and shows their profile", async () => {
    const anon = await callerFor(t.db, "anonymous");
    const created = await anon.account.signUp({
      email: "New.Shopper@Example.com",
      password: "correct horse",
      name: "Nowa Klientka",
    });
    expect(created).toEqual({ userId: expect.any(String), email: "new.shopper@example.com", name: "Nowa Klientka" });
    const [row] = await t.sql`select role, password_hash from users where email = 'new.shopper@example.com'`;
    expect(row!.role).toBe("customer");
    expect(await verifyPassword("correct horse", row!.password_hash as string)).toBe(true);

    await expect(
      anon.account.signUp({ email: "new.shopper@example.com", password: "another one", name: "X" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already exists"),
    });
    await expect(
      anon.account.signUp({ email: "short@example.com", password: "short", name: "X" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [a, b] = await Promise.allSettled([
      anon.account.signUp({ email: "twice@example.com", password: "password-1", name: "A" }),
      anon.account.signUp({ email: "twice@example.com", password: "password-2", name: "B" }),
    ]);
    expect([a.status, b.status].sort()).toEqual(["fulfilled", "rejected"]);
    expect(((a.status === "rejected" ? a : b) as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });

    const me = await (await callerFor(t.db, { email: "new.shopper@example.com" })).account.me();
    expect(me).toMatchObject({
      email: "new.shopper@example.com",
      name: "Nowa Klientka",
      role: "customer",
      preferredStoreId: null,
      storeCreditMinor: 0,
      currency: "PLN",
    });
    await expect(anon.account.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("sets and forgets the preferred store, refusing unknown stores and the warehouse", async () => {
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    expect(await ada.account.setPreferredStore({ storeId: "gdansk" })).toMatchObject({
      preferredStoreId: "gdansk",
      preferredStore: { id: "gdansk" },
    });
    await expect(ada.account.setPreferredStore({ storeId: "atlantis" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(ada.account.setPreferredStore({ storeId: "online" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await ada.account.setPreferredStore({ storeId: null })).toMatchObject({
      preferredStoreId: null,
      preferredStore: null,
    });
  });

  it("issues a one-time kiosk sign-in token with its QR; it is stored hashed and redeems once", async () => {
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    const { token, expiresAt, qrDataUrl } = await ada.account.kioskSignInToken();
    expect(token.length).toBeGreaterThanOrEqual(24);
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(10 * 60_000 + 1000);
    const [stored] = await t.sql`select token from auth_verification_tokens where identifier like 'kiosk-sign-in:%'`;
    expect(stored!.token).not.toBe(token);

    const [device] = await t.sql`select id from kiosk_devices where store_id = 'krakow' limit 1`;
    const kiosk = { deviceId: device!.id as string };
    expect(await redeemKioskSignInToken(t.db, "wrong-token", kiosk)).toBeNull();
    expect(await redeemKioskSignInToken(t.db, token, kiosk)).toMatchObject({ email: "ada@example.com" });
    expect(await redeemKioskSignInToken(t.db, token, kiosk)).toBeNull();

    // A newer token replaces the older one; an expired token does not sign in.
    const older = await ada.account.kioskSignInToken();
    const newer = await ada.account.kioskSignInToken();
    expect(await redeemKioskSignInToken(t.db, older.token, kiosk)).toBeNull();
    await t.sql`update auth_verification_tokens set expires = now() - interval '1 second' where identifier like 'kiosk-sign-in:%'`;
    expect(await redeemKioskSignInToken(t.db, newer.token, kiosk)).toBeNull();
    await expect((await callerFor(t.db, "anonymous")).account.kioskSignInToken()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    // A session on the kiosk app (signed in there by QR) cannot mint the next sign-in token.
    const atKiosk = await callerFor(t.db, { email: "ada@example.com" }, "kiosk");
    await expect(atKiosk.account.kioskSignInToken()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
