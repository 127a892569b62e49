import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { createKioskSignInToken } from "@omni/domain/accounts";

import { deviceCookieName } from "./device";
import { authorizeQrToken } from "./qr-sign-in";

/**
 * The attacks: the kiosk QR sign-in worked from any browser (a token photographed off a screen opened
 * the account anywhere), for staff accounts too, and a kiosk session could mint new tokens.
 */
const t = await createTestDatabase();
afterAll(() => t.close());

const userId = async (email: string) => (await t.sql`select id from users where email = ${email}`)[0]!.id as string;
const mint = async (email: string) =>
  (await createKioskSignInToken(t.db, { channel: "web", storeIds: [], userId: await userId(email) })).token;
const from = (headers: Record<string, string> = {}) =>
  new Request("http://kiosk.test/api/auth/callback/qr-token", { method: "POST", headers });
const onKiosk = (token = "dev-kiosk-krakow") => from({ cookie: `other=1; ${deviceCookieName}=${token}` });

describe("kiosk QR sign-in", () => {
  it("signs a customer in on a paired kiosk, by cookie or bearer token, once", async () => {
    const token = await mint("ada@example.com");
    expect(await authorizeQrToken(t.db, { token }, onKiosk())).toMatchObject({ email: "ada@example.com" });
    expect(await authorizeQrToken(t.db, { token }, onKiosk())).toBeNull();
    const again = await mint("ada@example.com");
    expect(
      await authorizeQrToken(t.db, { token: again }, from({ authorization: "Bearer dev-kiosk-gdansk" })),
    ).toMatchObject({ email: "ada@example.com" });
  });

  it("is refused in a browser that is not a paired kiosk, and on a revoked kiosk", async () => {
    const token = await mint("ada@example.com");
    expect(await authorizeQrToken(t.db, { token }, from())).toBeNull();
    expect(await authorizeQrToken(t.db, { token }, onKiosk("not-a-device"))).toBeNull();
    await t.sql`update kiosk_devices set revoked_at = now() where store_id = 'poznan'`;
    expect(await authorizeQrToken(t.db, { token }, onKiosk("dev-kiosk-poznan"))).toBeNull();
    // Still good on a real kiosk: the refusals above did not spend it.
    expect(await authorizeQrToken(t.db, { token }, onKiosk())).toMatchObject({ email: "ada@example.com" });
  });

  it("never signs staff in, even on a paired kiosk", async () => {
    for (const email of ["ola@example.com", "admin@example.com"])
      expect(await authorizeQrToken(t.db, { token: await mint(email) }, onKiosk())).toBeNull();
  });

  it("cannot be minted from a kiosk session", async () => {
    const ada = await userId("ada@example.com");
    const [device] = await t.sql`select id from kiosk_devices where store_id = 'krakow'`;
    await expect(
      createKioskSignInToken(t.db, { channel: "kiosk", storeIds: [], userId: ada, deviceId: device!.id as string }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
