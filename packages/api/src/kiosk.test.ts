import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { callerFor } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

describe("kiosk.me", () => {
  it("tells a paired kiosk its store", async () => {
    const api = await callerFor(t.db, { kiosk: "gdansk" });
    const me = await api.kiosk.me();
    expect(me).toMatchObject({ storeId: "gdansk", storeName: expect.any(String), deviceId: expect.any(String) });
  });

  it("refuses a caller that is not a kiosk", async () => {
    const api = await callerFor(t.db, "anonymous", "kiosk");
    await expect(api.kiosk.me()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses an unknown device token as an unpaired kiosk", async () => {
    const api = await callerFor(t.db, { deviceToken: "not-a-real-token" });
    await expect(api.kiosk.me()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
