import type { Page } from "@playwright/test";

import {
  expect,
  journeyEmail,
  pickVariants,
  placePickupOrderViaApi,
  signInWithApi,
  snap,
  test,
  urls,
} from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";

test.use({ viewport: { width: 1440, height: 900 } });

/** Filters the audit log by an action and expects a row of it naming `entity`, the admin and the store by name. */
async function expectAudited(admin: Page, action: string, entity: string) {
  // The action is a choice among those the log can hold, each named in the clerk's language.
  await admin.getByTestId("audit-action").selectOption(action);
  await admin.getByTestId("audit-filter-submit").click();
  const row = admin.locator(`[data-testid=audit-row][data-action="${action}"]`).filter({ hasText: entity });
  // Newest first: the row this journey just caused is the first of its kind.
  await expect(row.first()).toBeVisible();
  // A sentence with names a clerk knows; the raw record (e-mail, store id) is one click away.
  await expect(row.first()).toContainText("Admin");
  await expect(row.first()).toContainText("Omni Kraków Galeria");
  await expect(row.first()).not.toContainText("admin@example.com");
  // The filter leaves only that action.
  const shown = await admin
    .getByTestId("audit-row")
    .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
  expect(new Set(shown)).toEqual(new Set([action]));
}

test("a cycle count, a pickup handover and a return receipt made in the back office all appear in the audit log", async ({
  page: admin,
  request,
}) => {
  test.setTimeout(90_000);
  const [variant] = await pickVariants(request, 1, 50);
  const sku = variant!.sku;
  await admin.context().addCookies([{ name: "omni-admin-store", value: "krakow", url: urls.admin }]);
  await signInWithApi(admin, urls.admin, "admin@example.com", "demo-admin");

  // 1. A cycle count of the SKU in Kraków, on the stock page.
  await admin.goto(`${urls.admin}/stock`);
  await expect(admin.getByTestId("store-switcher")).toHaveValue("krakow");
  await admin.getByTestId("cycle-count-sku").fill(sku);
  await expect(admin.getByTestId("movement-history")).toBeVisible();
  await admin.getByTestId("cycle-count-onhand").fill("12");
  await admin.getByTestId("cycle-count-reason").fill(`E2E audit journey count ${Date.now()}`);
  await admin.getByTestId("cycle-count-submit").click();
  await expect(admin.getByTestId("stock-saved")).toBeVisible();

  // 2. A shopper's pickup order (placed and made ready through the API) handed over at the counter.
  const email = journeyEmail("cross-audit");
  const placed = await placePickupOrderViaApi(request, {
    storeId: "krakow",
    lines: [{ sku, quantity: 1 }],
    email,
    name: "Adam Audytowany",
  });
  await trpcMutation(admin.request, urls.admin, "fulfillment.advance", {
    orderNumber: placed.orderNumber,
    to: "picking",
  });
  await trpcMutation(admin.request, urls.admin, "fulfillment.advance", {
    orderNumber: placed.orderNumber,
    to: "ready_for_pickup",
  });
  await admin.goto(`${urls.admin}/pickup/collect`);
  await admin.getByTestId("collect-code-input").fill(placed.pickupCode);
  await admin.getByTestId("collect-find").click();
  await expect(admin.getByTestId("collect-order-number")).toHaveText(placed.orderNumber);
  await admin.getByTestId("collect-submit").click();
  await expect(admin.getByTestId("collect-confirmation")).toBeVisible();

  // 3. The shopper returns it in Kraków (requested through the API); the desk receives it as resellable.
  const order = await trpcQuery<{ lines: { lineId: string }[] }>(request, urls.web, "orders.get", {
    orderNumber: placed.orderNumber,
    email,
  });
  const requested = await trpcMutation<{ returnNumber: string }>(request, urls.web, "returns.create", {
    orderNumber: placed.orderNumber,
    email,
    lines: [{ lineId: order.lines[0]!.lineId, quantity: 1, reason: "changed_mind" }],
    method: { type: "in_store", storeId: "krakow" },
    refundTo: "original",
    idempotencyKey: `e2e-audit-${Date.now()}`,
  });
  await admin.goto(`${urls.admin}/returns`);
  await admin.getByTestId("return-lookup-input").fill(requested.returnNumber);
  await admin.getByTestId("return-lookup-submit").click();
  const resellable = admin.locator('[data-testid^="return-line-resellable-"]');
  await admin.locator("label", { has: resellable.first() }).click();
  await admin.getByTestId("receive-submit").click();
  await expect(admin.getByTestId("receive-result")).toBeVisible();

  // The audit log shows all three, each with who did it, where, and on what.
  await admin.getByTestId("nav-audit").click();
  await expect(admin).toHaveURL(/\/audit/);
  await expect(admin.getByTestId("audit-row").first()).toBeVisible();
  await expect(
    admin.locator('[data-testid=audit-row][data-action="returns.receive"]').filter({ hasText: requested.returnNumber }),
  ).toBeVisible();
  await snap(admin, "cross-audit-log");
  // The filter offers every action by its name, in the order of those names, and "all actions" first.
  const options = await admin
    .getByTestId("audit-action")
    .locator("option")
    .evaluateAll((all) => all.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? "" })));
  expect(options[0]).toEqual({ value: "", label: "Wszystkie akcje" });
  const labels = options.slice(1).map((o) => o.label);
  expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b, "pl")));
  expect(options.find((o) => o.value === "pickup.collect")?.label).toBe("Wydanie zamówienia");
  expect(labels.some((label) => /^[a-z]+\.[A-Za-z]+$/.test(label))).toBe(false);
  await expectAudited(admin, "inventory.setOnHand", sku);
  await expectAudited(admin, "pickup.collect", placed.orderNumber);
  await expectAudited(admin, "returns.receive", requested.returnNumber);
  await snap(admin, "cross-audit-log-filtered");
});
