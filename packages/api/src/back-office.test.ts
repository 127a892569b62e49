import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { callerFor } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

const admin = () => callerFor(t.db, { email: "admin@example.com" }, "admin");

describe("products and promotions", () => {
  it("lets an admin edit a product and records it in the audit log", async () => {
    const api = await admin();
    const { items } = await api.products.list({ query: "" });
    const product = await api.products.get({ productId: items[0]!.id });
    await api.products.update({ productId: product.id, title: "Renamed by admin" });
    const shop = await callerFor(t.db, "anonymous");
    expect((await shop.catalog.product({ slug: product.slug })).title).toBe("Renamed by admin");
    const log = await api.audit.list({ action: "products.update" });
    expect(log.items[0]).toMatchObject({
      action: "products.update",
      entityId: product.id,
      actorEmail: "admin@example.com",
    });
    expect((log.items[0]!.after as { title: string }).title).toBe("Renamed by admin");
  });

  it("shows a new promotion at once in catalogue prices and refuses a bad one", async () => {
    const api = await admin();
    const shop = await callerFor(t.db, "anonymous");
    const [item] = (await shop.catalog.search({ category: "jeans", limit: 1 })).items;
    const before = await shop.catalog.product({ slug: item!.slug });
    await api.promotions.create({
      name: "Jeans week",
      kind: "percent",
      value: 50,
      categorySlug: "jeans",
      startsAt: new Date(Date.now() - 1000),
      endsAt: new Date(Date.now() + 86_400_000),
    });
    const after = await shop.catalog.product({ slug: item!.slug });
    const list = before.variants[0]!.listPriceMinor;
    expect(after.variants[0]!.priceMinor).toBe(list - Math.round(list / 2));
    await expect(
      api.promotions.create({
        name: "Broken",
        kind: "percent",
        value: 150,
        startsAt: new Date(),
        endsAt: new Date(Date.now() + 1000),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      api.promotions.create({
        name: "Backwards",
        kind: "amount",
        value: 100,
        startsAt: new Date(),
        endsAt: new Date(Date.now() - 1000),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The promotion must end after it starts." });
  });

  it("refuses an edit that changes nothing as bad input", async () => {
    const api = await admin();
    const { items } = await api.products.list({});
    await expect(api.products.update({ productId: items[0]!.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(api.products.updateVariant({ sku: "ANY" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses product edits from a manager and a customer", async () => {
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    const customer = await callerFor(t.db, { email: "ada@example.com" });
    const input = { productId: "00000000-0000-4000-8000-000000000000", title: "x" };
    await expect(manager.products.update(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(customer.products.update(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("staff", () => {
  it("invites, reassigns and deactivates a member of staff, who then loses access", async () => {
    const api = await admin();
    const invited = await api.staff.invite({
      email: "new.clerk@example.com",
      name: "New Clerk",
      role: "associate",
      storeIds: ["gdansk"],
    });
    expect(invited).toMatchObject({ role: "associate", storeIds: ["gdansk"], active: true });
    expect(invited.inviteSent).toBe(true);
    const clerk = await callerFor(t.db, { email: "new.clerk@example.com" }, "admin");
    expect(await clerk.inventory.movements({ storeId: "gdansk", sku: "NOPE" })).toEqual([]);
    await expect(clerk.inventory.movements({ storeId: "krakow", sku: "NOPE" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await api.staff.update({ userId: invited.id, storeIds: ["krakow", "krakow"] });
    const moved = await callerFor(t.db, { email: "new.clerk@example.com" }, "admin");
    await expect(moved.inventory.movements({ storeId: "gdansk", sku: "NOPE" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    await api.staff.update({ userId: invited.id, active: false });
    const gone = await callerFor(t.db, { email: "new.clerk@example.com" }, "admin");
    await expect(gone.inventory.movements({ storeId: "krakow", sku: "NOPE" })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    await expect(
      api.staff.invite({ email: "ola@example.com", name: "Ola", role: "associate", storeIds: ["krakow"] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("kiosk devices", () => {
  it("pairs a kiosk with a one-time code, then locks it at once when revoked", async () => {
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    const { code } = await manager.devices.createPairingCode({ storeId: "warszawa" });
    const newKiosk = await callerFor(t.db, "anonymous", "kiosk", "10.0.0.9");
    const paired = await newKiosk.devices.pair({ code: code.toLowerCase(), name: "Entrance kiosk" });
    expect(paired).toMatchObject({ storeId: "warszawa", name: "Entrance kiosk" });
    await expect(newKiosk.devices.pair({ code })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Unnamed, a kiosk is named as a clerk says it: its number in the store and the store's city.
    const { code: second } = await manager.devices.createPairingCode({ storeId: "warszawa" });
    const unnamed = await newKiosk.devices.pair({ code: second });
    const [{ n }] = await t.sql<
      { n: number }[]
    >`select count(*)::int as n from kiosk_devices where store_id = 'warszawa'`;
    expect(unnamed.name).toBe(`Kiosk ${n} · Warszawa`);

    const device = await callerFor(t.db, { deviceToken: paired.token });
    expect(await device.kiosk.me()).toMatchObject({ storeId: "warszawa", deviceId: paired.deviceId });
    const list = await manager.devices.list({ storeId: "warszawa" });
    expect(list.map((d) => d.name)).toContain("Entrance kiosk");

    await manager.devices.revoke({ deviceId: paired.deviceId });
    const revoked = await callerFor(t.db, { deviceToken: paired.token });
    await expect(revoked.catalog.search({})).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    for (const action of ["devices.revoke", "devices.pair", "devices.createPairingCode"] as const) {
      const log = await manager.audit.list({ action });
      expect(log.items.length).toBeGreaterThan(0);
      // One action exactly, not every action its code begins.
      expect(new Set(log.items.map((i) => i.action))).toEqual(new Set([action]));
    }
    // An action the log cannot hold is refused, not searched for.
    await expect(manager.audit.list({ action: "devices." as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses pairing codes for another store and revoking another store's kiosk", async () => {
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    await expect(manager.devices.createPairingCode({ storeId: "krakow" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const [krakowDevice] = await t.sql`select id from kiosk_devices where store_id = 'krakow' limit 1`;
    await expect(manager.devices.revoke({ deviceId: krakowDevice!.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    await expect(kiosk.devices.createPairingCode({ storeId: "krakow" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
