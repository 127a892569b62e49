import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { cartWith, stockedSkus } from "./checkout-fixtures";
import { appRouter } from "./root";
import { callerFor, type Who } from "./testing";

/**
 * Every procedure of the router × every kind of caller, each cell asserted. The procedure list is
 * read from the router itself: a new procedure without a row here fails the test, so none can be
 * forgotten. "The store" is Kraków; "another store" is Warszawa.
 */
const t = await createTestDatabase();
afterAll(() => t.close());

const callers = [
  "anonymous",
  "customer",
  "otherCustomer",
  "associate",
  "associateOther",
  "manager",
  "managerOther",
  "admin",
  "kiosk",
  "kioskOther",
  "revokedKiosk",
] as const;
type Caller = (typeof callers)[number];

/** `ok`: authorised (it may still be NOT_FOUND, CONFLICT… for business reasons); otherwise the exact refusal. */
type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
type Expectation = Record<Caller, Outcome>;

const U = "UNAUTHORIZED";
const F = "FORBIDDEN";
const rules = {
  public: {
    anonymous: "ok",
    customer: "ok",
    otherCustomer: "ok",
    associate: "ok",
    associateOther: "ok",
    manager: "ok",
    managerOther: "ok",
    admin: "ok",
    kiosk: "ok",
    kioskOther: "ok",
    revokedKiosk: U,
  },
  customer: {
    anonymous: U,
    customer: "ok",
    otherCustomer: "ok",
    associate: "ok",
    associateOther: "ok",
    manager: "ok",
    managerOther: "ok",
    admin: "ok",
    kiosk: U,
    kioskOther: U,
    revokedKiosk: U,
  },
  anyStaff: {
    anonymous: U,
    customer: F,
    otherCustomer: F,
    associate: "ok",
    associateOther: "ok",
    manager: "ok",
    managerOther: "ok",
    admin: "ok",
    kiosk: F,
    kioskOther: F,
    revokedKiosk: U,
  },
  storeStaff: {
    anonymous: U,
    customer: F,
    otherCustomer: F,
    associate: "ok",
    associateOther: F,
    manager: "ok",
    managerOther: F,
    admin: "ok",
    kiosk: F,
    kioskOther: F,
    revokedKiosk: U,
  },
  storeManager: {
    anonymous: U,
    customer: F,
    otherCustomer: F,
    associate: F,
    associateOther: F,
    manager: "ok",
    managerOther: F,
    admin: "ok",
    kiosk: F,
    kioskOther: F,
    revokedKiosk: U,
  },
  warehouseStaff: {
    anonymous: U,
    customer: F,
    otherCustomer: F,
    associate: F,
    associateOther: F,
    manager: F,
    managerOther: F,
    admin: "ok",
    kiosk: F,
    kioskOther: F,
    revokedKiosk: U,
  },
  admin: {
    anonymous: U,
    customer: F,
    otherCustomer: F,
    associate: F,
    associateOther: F,
    manager: F,
    managerOther: F,
    admin: "ok",
    kiosk: F,
    kioskOther: F,
    revokedKiosk: U,
  },
  storeKiosk: {
    anonymous: F,
    customer: F,
    otherCustomer: F,
    associate: F,
    associateOther: F,
    manager: F,
    managerOther: F,
    admin: F,
    kiosk: "ok",
    kioskOther: F,
    revokedKiosk: U,
  },
  anyKiosk: {
    anonymous: F,
    customer: F,
    otherCustomer: F,
    associate: F,
    associateOther: F,
    manager: F,
    managerOther: F,
    admin: F,
    kiosk: "ok",
    kioskOther: "ok",
    revokedKiosk: U,
  },
} satisfies Record<string, Expectation>;

type Fixture = Awaited<ReturnType<typeof buildFixture>>;
type Row = { rule: Expectation; input: (f: Fixture, caller: Caller) => unknown };
const row = (rule: Expectation, input: Row["input"] = () => undefined): Row => ({ rule, input });
const except = (rule: Expectation, changes: Partial<Expectation>): Expectation => ({ ...rule, ...changes });

let serial = 0;
const unique = (prefix: string) => `${prefix}-${Date.now()}-${++serial}`;

const matrix: Record<string, Row> = {
  "stores.list": row(rules.public),
  "stores.get": row(rules.public, () => ({ storeId: "krakow" })),
  "catalog.search": row(rules.public, () => ({ limit: 1 })),
  "catalog.suggest": row(rules.public, () => ({ query: "koszula" })),
  "catalog.product": row(rules.public, (f) => ({ slug: f.slug })),
  "catalog.categories": row(rules.public),
  "catalog.facets": row(rules.public, () => ({})),
  "inventory.availability": row(rules.public, (f) => ({ sku: f.skus[0] })),
  "inventory.setOnHand": row(rules.storeManager, (f) => ({
    storeId: "krakow",
    sku: f.skus[1],
    onHand: 20,
    reason: "matrix",
  })),
  "inventory.receive": row(rules.storeManager, (f) => ({
    storeId: "krakow",
    sku: f.skus[1],
    quantity: 1,
    reason: "matrix",
    idempotencyKey: unique("receive"),
  })),
  "inventory.lowStock": row(rules.storeStaff, () => ({ storeId: "krakow" })),
  "shipping.fees": row(rules.anyStaff),
  "shipping.updateFees": row(rules.admin, () => ({ courierMinor: 1499, lockerMinor: 999, freeFromMinor: 19900 })),
  "inventory.lowStockCount": row(rules.storeStaff, () => ({ storeId: "krakow" })),
  "inventory.movements": row(rules.storeStaff, (f) => ({ storeId: "krakow", sku: f.skus[1] })),
  "cart.create": row(rules.public, () => ({})),
  "cart.get": row(rules.public, (f) => ({ cartId: f.guestCart })),
  "cart.mine": row(rules.customer),
  "cart.merge": row(rules.customer, () => ({ cartId: "no-such-cart" })),
  "cart.setQuantity": row(rules.public, (f) => ({ cartId: f.guestCart, sku: f.skus[0], quantity: 1 })),
  "cart.applyCode": row(rules.public, (f) => ({ cartId: f.guestCart, code: "WELCOME10" })),
  "cart.removeCode": row(rules.public, (f) => ({ cartId: f.guestCart })),
  "cart.handoff": row(rules.public, (f) => ({ cartId: f.guestCart })),
  "cart.resume": row(rules.public, (f) => ({ code: f.handoffCode })),
  "cart.setContact": row(rules.public, (f) => ({ cartId: f.guestCart, email: "matrix@example.com", locale: "pl" })),
  "checkout.placeOrder": row(rules.public, () => ({
    cartId: "no-such-cart",
    email: "m@example.com",
    name: "Matrix",
    idempotencyKey: unique("matrix"),
    fulfillment: { type: "pickup", storeId: "krakow" },
    payment: { method: "pay_in_store" },
  })),
  "checkout.pickupOptions": row(rules.public, (f) => ({ cartId: f.guestCart })),
  "checkout.options": row(rules.public, (f) => ({ cartId: f.guestCart })),
  "checkout.lockers": row(rules.public, () => ({ postalCode: "31-000", limit: 3 })),
  "checkout.testBankPay": row(rules.public, () => ({ session: "no-such-session", pay: false })),
  "orders.get": row(rules.public, (f) => ({ orderNumber: f.order.orderNumber, email: "ada@example.com" })),
  "orders.list": row(rules.customer, () => ({})),
  "orders.receipt": row(rules.public, () => ({ orderNumber: "OM-000000", email: "nobody@example.com" })),
  "account.signUp": row(rules.public, () => ({
    email: `${unique("signup")}@example.com`,
    password: "long enough",
    name: "New",
  })),
  "account.me": row(rules.customer),
  "account.setPreferredStore": row(rules.customer, () => ({ storeId: "krakow" })),
  "account.kioskSignInToken": row(rules.customer),
  "account.setLocale": row(rules.customer, () => ({ locale: "pl" })),
  "account.requestEmailVerification": row(rules.customer),
  "account.verifyEmail": row(rules.public, () => ({ token: "not-a-real-token" })),
  "account.requestPasswordReset": row(rules.public, () => ({ email: `${unique("reset")}@example.com` })),
  "account.resetPassword": row(rules.public, () => ({ token: "not-a-real-token", password: "long enough" })),
  "account.changePassword": row(rules.customer, () => ({ currentPassword: "wrong", newPassword: "long enough" })),
  "notifications.list": row(rules.anyStaff, () => ({})),
  "messageTemplates.list": row(rules.admin),
  "notifications.retry": row(rules.admin, () => ({ id: 1 })),
  "fulfillment.queue": row(rules.storeStaff, () => ({ storeId: "krakow" })),
  "fulfillment.advance": row(rules.storeStaff, (f) => ({ orderNumber: f.queued.orderNumber, to: "picking" })),
  "fulfillment.ship": row(rules.warehouseStaff, (f) => ({ orderNumber: f.delivery.orderNumber })),
  "fulfillment.label": row(rules.warehouseStaff, (f) => ({ orderNumber: f.delivery.orderNumber })),
  "fulfillment.deliver": row(rules.warehouseStaff, (f) => ({ orderNumber: f.delivery.orderNumber })),
  "fulfillment.answerHelp": row(rules.storeStaff, (f) => ({ orderNumber: f.queued.orderNumber })),
  "fulfillment.cancel": row(rules.storeStaff, (f) => ({ orderNumber: f.toCancel.orderNumber, reason: "matrix" })),
  "pickup.checkIn": row(rules.storeKiosk, (f) => ({ code: f.order.pickupCode })),
  "pickup.askForHelp": row(rules.storeKiosk, (f) => ({ code: f.order.pickupCode })),
  "pickup.get": row(rules.storeStaff, (f) => ({ code: f.order.pickupCode })),
  "pickup.collect": row(rules.storeStaff, (f) => ({ code: f.order.pickupCode })),
  "reservations.create": row(rules.public, (f) => ({
    storeId: "krakow",
    lines: [{ sku: f.skus[2], quantity: 1 }],
    email: "r@example.com",
    name: "R",
    idempotencyKey: unique("res"),
  })),
  "reservations.get": row(rules.public, (f) => ({ code: f.reservation.code, email: "ada@example.com" })),
  "reservations.cancel": row(rules.public, (f) => ({ code: f.reservationToCancel.code, email: "ada@example.com" })),
  "reservations.fulfil": row(rules.storeStaff, (f) => ({ code: f.reservation.code })),
  "reservations.list": row(rules.storeStaff, () => ({ storeId: "krakow" })),
  "reservations.lookup": row(rules.storeStaff, (f) => ({ code: f.reservation.code })),
  "returns.eligibility": row(rules.public, (f) => ({ orderNumber: f.collected.orderNumber, email: "ada@example.com" })),
  "returns.create": row(rules.public, (f) => ({
    orderNumber: f.collected.orderNumber,
    email: "ada@example.com",
    lines: [{ lineId: f.collected.lineId, quantity: 1, reason: "changed_mind" }],
    method: { type: "mail" },
    refundTo: "original",
    idempotencyKey: unique("ret"),
  })),
  "returns.quote": row(rules.public, (f) => ({
    orderNumber: f.collected.orderNumber,
    email: "ada@example.com",
    lines: [{ lineId: f.collected.lineId, quantity: 1, reason: "wrong_size" }],
  })),
  "returns.get": row(rules.public, (f) => ({ returnNumber: f.returnNumber, email: "ada@example.com" })),
  "returns.cancel": row(rules.public, () => ({ returnNumber: "RT-1", email: "ada@example.com" })),
  "returns.receive": row(rules.storeStaff, (f) => ({
    returnNumber: f.returnNumber,
    storeId: "krakow",
    lines: [{ lineId: f.collected.lineId, condition: "resellable" }],
  })),
  "returns.reject": row(rules.storeStaff, () => ({ returnNumber: "RT-1", storeId: "krakow", reason: "matrix" })),
  "returns.lookup": row(rules.anyStaff, (f) => ({ returnNumber: f.returnNumber })),
  "returns.list": row(rules.anyStaff, () => ({})),
  "apiKeys.create": row(rules.admin, () => ({ name: "Matrix", scopes: ["catalog:read"] })),
  "apiKeys.list": row(rules.admin),
  "apiKeys.revoke": row(rules.admin, () => ({ id: "00000000-0000-4000-8000-000000000000" })),
  "webhooks.create": row(rules.admin, () => ({ url: "http://127.0.0.1:9/hook", events: ["order.placed"] })),
  "webhooks.list": row(rules.admin),
  "recommendations.forProduct": row(rules.public, (f) => ({ slug: f.slug })),
  "recommendations.forMe": row(rules.public, () => ({})),
  "recommendations.list": row(rules.public, (f) => ({ slug: f.slug })),
  "reviews.create": row(rules.public, (f) => ({
    orderNumber: f.collected.orderNumber,
    email: "nobody@example.com",
    slug: f.slug,
    rating: 5,
  })),
  "reviews.list": row(rules.public, (f) => ({ slug: f.slug })),
  "reviews.queue": row(rules.admin, () => ({})),
  "reviews.moderate": row(rules.admin, () => ({ id: "00000000-0000-4000-8000-000000000000", status: "hidden" })),
  "consent.get": row(rules.customer),
  "consent.set": row(rules.customer, () => ({ channel: "sms", granted: false })),
  "consent.confirmSms": row(rules.customer, () => ({ code: "000000" })),
  "consent.resendSmsCode": row(rules.customer),
  "consent.confirm": row(rules.public, () => ({ token: "not-a-real-token" })),
  "consent.unsubscribe": row(rules.public, () => ({ email: "nobody@example.com", token: "not-a-real-token" })),
  "stockAlerts.create": row(rules.public, (f) => ({ sku: f.skus[0], storeId: "online", email: "alert@example.com" })),
  "webhooks.get": row(rules.admin, () => ({ id: "00000000-0000-4000-8000-000000000000" })),
  "webhooks.setEnabled": row(rules.admin, () => ({ id: "00000000-0000-4000-8000-000000000000", enabled: true })),
  "webhooks.delete": row(rules.admin, () => ({ id: "00000000-0000-4000-8000-000000000000" })),
  "webhooks.redeliver": row(rules.admin, () => ({ deliveryId: 1 })),
  "staff.list": row(rules.admin),
  "staff.invite": row(rules.admin, () => ({
    email: `${unique("staff")}@example.com`,
    name: "New",
    role: "associate",
    storeIds: ["krakow"],
  })),
  "staff.update": row(rules.admin, (f) => ({ userId: f.associateOtherId, active: true })),
  "devices.pair": row(except(rules.public, { revokedKiosk: "ok" }), () => ({ code: "NOPE2345" })),
  "devices.createPairingCode": row(rules.storeManager, () => ({ storeId: "krakow" })),
  "devices.list": row(rules.anyStaff, () => ({})),
  // The chain view (no storeId) is admins only: analytics.test.ts asserts it for every kind of caller.
  "loyalty.get": row(rules.customer),
  "loyalty.lookup": row(rules.anyStaff, () => ({ email: "ada@example.com" })),
  "loyalty.member": row(rules.anyStaff, () => ({ email: "ada@example.com" })),
  "loyalty.settings": row(rules.anyStaff),
  // Any member of staff reaches it; the use-case lets only managers and admins adjust.
  "loyalty.adjust": row(except(rules.anyStaff, { associate: F, associateOther: F }), () => ({
    email: "ada@example.com",
    points: 1,
    reason: "matrix",
  })),
  "loyalty.updateSettings": row(rules.admin, () => ({
    pointsPerPln: 1,
    pointValueMinor: 1,
    channelBonus: 50,
    expiryMonths: 24,
    reminderDays: 30,
    tiers: [{ name: "silver", minPoints: 1000, multiplier: 1.25 }],
  })),
  "counter.sell": row(rules.storeStaff, () => ({
    storeId: "krakow",
    cartId: "no-such-cart",
    fulfillment: { type: "take_now" },
    payment: { method: "cash" },
    idempotencyKey: unique("matrix-counter"),
  })),
  "giftCards.buy": row(rules.public, () => ({
    amountMinor: 5000,
    email: "matrix@example.com",
    payment: { method: "card", token: "tok_ok" },
    idempotencyKey: unique("matrix-gift-buy"),
  })),
  "giftCards.sell": row(rules.storeStaff, () => ({
    storeId: "krakow",
    amountMinor: 5000,
    payment: { method: "cash" },
    idempotencyKey: unique("matrix-gift-sell"),
  })),
  "giftCards.lookup": row(rules.public, () => ({ code: "GC-2345-6789-ABCD-EFGH" })),
  "giftCards.list": row(rules.storeStaff, () => ({ storeId: "krakow" })),
  "analytics.kpis": row(rules.storeManager, () => ({ storeId: "krakow", from: "2026-01-01", to: "2026-01-31" })),
  "analytics.forecast": row(rules.storeManager, (f) => ({ storeId: "krakow", sku: f.skus[0], limit: 5 })),
  "devices.revoke": row(rules.storeManager, (f) => ({ deviceId: f.spareDeviceId })),
  "audit.list": row(rules.anyStaff, () => ({})),
  "promotions.list": row(rules.anyStaff),
  "promotions.create": row(rules.admin, () => ({
    name: "M",
    kind: "percent",
    value: 1,
    startsAt: new Date(),
    endsAt: new Date(Date.now() + 60_000),
  })),
  "promotions.setActive": row(rules.admin, (f) => ({ promotionId: f.promotionId, active: true })),
  "products.list": row(rules.anyStaff, () => ({})),
  "products.get": row(rules.anyStaff, (f) => ({ productId: f.productId })),
  "products.update": row(rules.admin, (f) => ({ productId: f.productId, active: true })),
  "products.updateVariant": row(rules.admin, (f) => ({ sku: f.skus[3], active: true })),
  "products.create": row(rules.admin, () => ({ title: unique("Matrix"), titlePl: "Macierz", categorySlug: "jackets" })),
  "products.createVariant": row(rules.admin, (f) => ({
    productId: f.productId,
    sku: unique("MATRIX").toUpperCase(),
    priceMinor: 100,
  })),
  "products.bulkPrice": row(rules.admin, (f) => ({
    skus: [f.skus[3]],
    change: { kind: "amount", amountMinor: 0 },
    reason: "matrix",
  })),
  "products.uploadImage": row(rules.admin, (f) => ({ productId: f.productId, dataBase64: "AAAA" })),
  "products.deleteImage": row(rules.admin, () => ({ imageId: "00000000-0000-4000-8000-000000000000" })),
  "products.importCsv": row(rules.admin, () => ({ csv: "slug\nnothing" })),
  "products.exportCsv": row(rules.admin, () => ({ categorySlug: "underwear" })),
  "categories.create": row(rules.admin, () => ({ slug: unique("matrix"), name: "Matrix", namePl: "Macierz" })),
  "categories.update": row(rules.admin, () => ({ slug: "underwear", finalSale: true })),
  "inventory.importCsv": row(rules.admin, () => ({ csv: "location_id,sku,on_hand\nnowhere,NOPE,1", reason: "matrix" })),
  "inventory.exportCsv": row(rules.admin, () => ({ storeId: "gdansk" })),
  "kiosk.me": row(rules.anyKiosk),
  "inventory.setSafetyStock": row(rules.storeManager, (f) => ({ storeId: "krakow", sku: f.skus[1], safetyStock: 0 })),
  // Kraków sends to Gdańsk: its staff ship, either store's staff read; Gdańsk sends to Kraków: Kraków receives.
  "transfers.create": row(rules.storeManager, (f) => ({
    fromStoreId: "krakow",
    toStoreId: "gdansk",
    lines: [{ sku: f.skus[1], quantity: 1 }],
    reason: "matrix",
  })),
  "transfers.ship": row(rules.storeStaff, (f) => ({ transferNumber: f.outgoing })),
  "transfers.receive": row(rules.storeStaff, (f) => ({ transferNumber: f.incoming })),
  "transfers.cancel": row(rules.storeManager, (f) => ({ transferNumber: f.toCancelTransfer, reason: "matrix" })),
  "transfers.get": row(rules.storeStaff, (f) => ({ transferNumber: f.outgoing })),
  "transfers.list": row(rules.storeStaff, () => ({ storeId: "krakow" })),
  "replenishment.list": row(rules.storeManager, () => ({ storeId: "krakow" })),
  "replenishment.setReorderPoints": row(rules.storeManager, (f) => ({
    storeId: "krakow",
    minQuantity: 1,
    skus: [f.skus[1]],
  })),
  "replenishment.create": row(rules.storeManager, (f) => ({
    storeId: "krakow",
    lines: [{ sku: f.onlineSku, quantity: 1 }],
  })),
};

async function userId(email: string) {
  const [user] = await t.sql`select id from users where email = ${email}`;
  return user!.id as string;
}

async function buildFixture() {
  const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
  const ada = await callerFor(t.db, { email: "ada@example.com" });
  await ada.account.setPreferredStore({ storeId: "krakow" });
  await admin.staff.invite({ email: "wiktor@example.com", name: "Wiktor", role: "associate", storeIds: ["warszawa"] });
  await admin.staff.invite({ email: "kasia@example.com", name: "Kasia", role: "manager", storeIds: ["krakow"] });
  const anon = await callerFor(t.db, "anonymous");
  await anon.account.signUp({ email: "eve@example.com", password: "eve-password", name: "Eve" });

  const skus = await stockedSkus(t.db, "krakow", 6, 5);
  const place = async (fulfillment: object, sku: string) => {
    const cartId = await cartWith(ada, [{ sku, quantity: 1 }]);
    return ada.checkout.placeOrder({
      cartId,
      email: "ada@example.com",
      name: "Ada Nowak",
      idempotencyKey: unique("order"),
      fulfillment: fulfillment as { type: "pickup"; storeId: string },
      payment: { method: "card", token: "tok_ok" },
    });
  };
  const order = await place({ type: "pickup", storeId: "krakow" }, skus[0]!);
  const clerk = await callerFor(t.db, { email: "ola@example.com" }, "admin");
  await clerk.fulfillment.advance({ orderNumber: order.orderNumber, to: "picking" });
  await clerk.fulfillment.advance({ orderNumber: order.orderNumber, to: "ready_for_pickup" });
  const queued = await place({ type: "pickup", storeId: "krakow" }, skus[0]!);
  const toCancel = await place({ type: "pickup", storeId: "krakow" }, skus[0]!);
  const [onlineSku] = await stockedSkus(t.db, "online", 1, 5);
  const delivery = await place(
    { type: "delivery", address: { line1: "Main 1", city: "Kraków", postalCode: "30-001", country: "PL" } },
    onlineSku!,
  );

  const collectedOrder = await place({ type: "pickup", storeId: "krakow" }, skus[4]!);
  await clerk.fulfillment.advance({ orderNumber: collectedOrder.orderNumber, to: "picking" });
  await clerk.fulfillment.advance({ orderNumber: collectedOrder.orderNumber, to: "ready_for_pickup" });
  const collected = await clerk.pickup.collect({ code: collectedOrder.pickupCode! });
  const created = await ada.returns.create({
    orderNumber: collectedOrder.orderNumber,
    lines: [{ lineId: collected.lines[0]!.lineId, quantity: 1, reason: "wrong_size" }],
    method: { type: "in_store", storeId: "krakow" },
    refundTo: "original",
    idempotencyKey: unique("ret"),
  });

  const reserve = () =>
    ada.reservations.create({
      storeId: "krakow",
      lines: [{ sku: skus[5]!, quantity: 1 }],
      email: "ada@example.com",
      name: "Ada",
      idempotencyKey: unique("res"),
    });
  const reservation = await reserve();
  const reservationToCancel = await reserve();

  const guest = await callerFor(t.db, "anonymous", "web", "10.9.9.9");
  const guestCart = await cartWith(guest, [{ sku: skus[0]!, quantity: 1 }]);
  const { code: handoffCode } = await guest.cart.handoff({ cartId: guestCart });

  const manager = await callerFor(t.db, { email: "kasia@example.com" }, "admin");
  const paired = async () => {
    const { code } = await manager.devices.createPairingCode({ storeId: "krakow" });
    return (await anon.devices.pair({ code })).deviceId;
  };
  const spareDeviceId = await paired();
  const { code: revokedCode } = await manager.devices.createPairingCode({ storeId: "krakow" });
  const revoked = await anon.devices.pair({ code: revokedCode });
  await manager.devices.revoke({ deviceId: revoked.deviceId });

  const [gdanskSku] = await stockedSkus(t.db, "gdansk", 1, 5);
  const transfer = (fromStoreId: string, toStoreId: string, sku: string) =>
    admin.transfers.create({ fromStoreId, toStoreId, lines: [{ sku, quantity: 1 }], reason: "matrix" });
  const outgoing = await transfer("krakow", "gdansk", skus[1]!);
  const toCancelTransfer = await transfer("krakow", "gdansk", skus[1]!);
  const incoming = await transfer("gdansk", "krakow", gdanskSku!);
  await admin.transfers.ship({ transferNumber: incoming.transferNumber });

  const [promotion] = await t.sql`select id from promotions limit 1`;
  const [product] =
    await t.sql`select p.id, p.slug from products p join variants v on v.product_id = p.id where v.sku = ${skus[0]!}`;
  return {
    skus,
    order: { orderNumber: order.orderNumber, pickupCode: order.pickupCode! },
    queued,
    toCancel,
    delivery,
    collected: { orderNumber: collectedOrder.orderNumber, lineId: collected.lines[0]!.lineId },
    returnNumber: created.returnNumber,
    reservation,
    reservationToCancel,
    guestCart,
    handoffCode,
    spareDeviceId,
    revokedToken: revoked.token,
    promotionId: promotion!.id as string,
    productId: product!.id as string,
    slug: product!.slug as string,
    associateOtherId: await userId("wiktor@example.com"),
    outgoing: outgoing.transferNumber,
    incoming: incoming.transferNumber,
    toCancelTransfer: toCancelTransfer.transferNumber,
    onlineSku: onlineSku!,
  };
}

function whoIs(caller: Caller, f: Fixture): { who: Who; app: "web" | "kiosk" | "admin" } {
  switch (caller) {
    case "anonymous":
      return { who: "anonymous", app: "web" };
    case "customer":
      return { who: { email: "ada@example.com" }, app: "web" };
    case "otherCustomer":
      return { who: { email: "eve@example.com" }, app: "web" };
    case "associate":
      return { who: { email: "ola@example.com" }, app: "admin" };
    case "associateOther":
      return { who: { email: "wiktor@example.com" }, app: "admin" };
    case "manager":
      return { who: { email: "kasia@example.com" }, app: "admin" };
    case "managerOther":
      return { who: { email: "max@example.com" }, app: "admin" };
    case "admin":
      return { who: { email: "admin@example.com" }, app: "admin" };
    case "kiosk":
      return { who: { kiosk: "krakow" }, app: "kiosk" };
    case "kioskOther":
      return { who: { kiosk: "warszawa" }, app: "kiosk" };
    case "revokedKiosk":
      return { who: { deviceToken: f.revokedToken }, app: "kiosk" };
  }
}

type AnyProcedure = (input: unknown) => Promise<unknown>;
function procedureOf(api: Awaited<ReturnType<typeof callerFor>>, path: string): AnyProcedure {
  const [area, name] = path.split(".") as [string, string];
  return (api as unknown as Record<string, Record<string, AnyProcedure>>)[area]![name]!;
}

const routerPaths = Object.keys(appRouter._def.procedures).sort();
let fixture: Fixture;
beforeAll(async () => {
  fixture = await buildFixture();
}, 120_000);

describe("authorization matrix", () => {
  it("has a row for every procedure of the router, and no row for a procedure that does not exist", () => {
    expect(Object.keys(matrix).sort()).toEqual(routerPaths);
  });

  for (const path of routerPaths) {
    it(`${path}: each caller gets what its role allows`, async () => {
      const entry = matrix[path];
      expect(entry, `no authorization row for ${path}`).toBeDefined();
      const seen: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const caller of callers) {
        const { who, app } = whoIs(caller, fixture);
        const api = await callerFor(t.db, who, app, `10.7.0.${callers.indexOf(caller)}`);
        let outcome: string;
        try {
          await procedureOf(api, path)(entry!.input(fixture, caller));
          outcome = "ok";
        } catch (error) {
          const code = (error as { code?: string }).code ?? "THROWN";
          if (code === "INTERNAL_SERVER_ERROR" || code === "THROWN") throw error;
          outcome =
            code === "UNAUTHORIZED" || code === "FORBIDDEN"
              ? code
              : entry!.rule[caller] === "NOT_FOUND" && code === "NOT_FOUND"
                ? "NOT_FOUND"
                : "ok";
        }
        seen[caller] = outcome;
        expected[caller] = entry!.rule[caller];
      }
      expect(seen).toEqual(expected);
    });
  }
});

describe("shoppers' own things", () => {
  it("refuses another customer an order, a reservation and a return of someone else", async () => {
    const eve = await callerFor(t.db, { email: "eve@example.com" });
    await expect(eve.orders.get({ orderNumber: fixture.order.orderNumber })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      eve.orders.get({ orderNumber: fixture.order.orderNumber, email: "eve@example.com" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      eve.reservations.get({ code: fixture.reservation.code, email: "eve@example.com" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(eve.returns.get({ returnNumber: fixture.returnNumber })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(eve.returns.eligibility({ orderNumber: fixture.collected.orderNumber })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const mine = await eve.orders.list({});
    expect(mine.map((o: { orderNumber: string }) => o.orderNumber)).not.toContain(fixture.order.orderNumber);
  });

  it("refuses another customer the cart of an account", async () => {
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    const { cartId } = await ada.cart.create();
    const eve = await callerFor(t.db, { email: "eve@example.com" });
    await expect(eve.cart.get({ cartId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(eve.cart.setQuantity({ cartId, sku: fixture.skus[0]!, quantity: 1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(eve.cart.setContact({ cartId, email: "eve@example.com", locale: "en" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await ada.cart.get({ cartId })).cartId).toBe(cartId);
  });
});
