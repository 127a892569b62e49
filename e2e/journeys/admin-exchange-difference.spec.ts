import type { Page } from "@playwright/test";

import {
  backOfficeScreen,
  collectViaApi,
  expect,
  journeyEmail,
  moneyPattern,
  pickVariants,
  signInWithApi,
  snap,
  staffApi,
  test,
  urls,
} from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";

test.use(backOfficeScreen);

type Product = { title: string; variants: { sku: string; priceMinor: number }[] };

/** The returns desk finds a return by its number, as a clerk types it from the slip. */
async function openReturn(page: Page, returnNumber: string) {
  await page.goto(`${urls.admin}/returns`);
  await page.getByTestId("return-lookup-input").fill(returnNumber);
  await page.getByTestId("return-lookup-submit").click();
  await expect(page.getByTestId("return-detail")).toBeVisible();
}

test("an order placed in Polish keeps its Polish titles, and the returns desk takes a dearer exchange's difference in cash", async ({
  page,
  request,
  playwright,
}) => {
  test.setTimeout(120_000);
  // A cheap item whose Polish name differs from its English one, and an item that costs more.
  const candidates = await pickVariants(request, 12, 90);
  const withPolish: { slug: string; sku: string; priceMinor: number; english: string; polish: string }[] = [];
  for (const c of candidates) {
    const polish = await trpcQuery<Product>(request, urls.web, "catalog.product", { slug: c.slug, locale: "pl" });
    if (polish.title !== c.title)
      withPolish.push({ slug: c.slug, sku: c.sku, priceMinor: c.priceMinor, english: c.title, polish: polish.title });
  }
  withPolish.sort((a, b) => a.priceMinor - b.priceMinor);
  const cheap = withPolish[0]!;
  const dear = withPolish.findLast((c) => c.priceMinor > cheap.priceMinor)!;
  expect(dear, "a dearer returnable item").toBeDefined();
  const admin = await staffApi(playwright, "admin@example.com", "demo-admin");
  for (const sku of [cheap.sku, dear.sku])
    await trpcMutation(admin, urls.admin, "inventory.setOnHand", {
      storeId: "krakow",
      sku,
      onHand: 10,
      reason: "e2e exchange difference: known stock",
    });

  // A shopper orders in Polish and collects in Kraków.
  const email = journeyEmail("exchange-difference");
  const { cartId } = await trpcMutation<{ cartId: string }>(request, urls.web, "cart.create", {});
  await trpcMutation(request, urls.web, "cart.setQuantity", { cartId, sku: cheap.sku, quantity: 1 });
  const placed = await trpcMutation<{ orderNumber: string; pickupCode: string; totalMinor: number }>(
    request,
    urls.web,
    "checkout.placeOrder",
    {
      cartId,
      email,
      name: "Zofia Zamiana",
      locale: "pl",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "card", token: "tok_ok" },
      idempotencyKey: `e2e-difference-${Date.now()}`,
    },
  );
  const collected = await collectViaApi(admin, placed.orderNumber, placed.pickupCode);

  // The shop's order page (Polish by default) names the item as it was sold, in Polish.
  await page.goto(`${urls.web}/orders/${placed.orderNumber}?email=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("order-line")).toContainText(cheap.polish);
  await expect(page.getByTestId("order-line")).not.toContainText(cheap.english);

  // The return, with the dearer item in exchange, announced for the Kraków counter.
  const created = await trpcMutation<{ returnNumber: string; amountDueMinor: number }>(
    request,
    urls.web,
    "returns.create",
    {
      orderNumber: placed.orderNumber,
      email,
      lines: [{ lineId: collected.lines[0]!.lineId, quantity: 1, reason: "changed_mind" }],
      method: { type: "in_store", storeId: "krakow" },
      refundTo: "original",
      idempotencyKey: `e2e-difference-return-${Date.now()}`,
      exchange: [{ sku: dear.sku, quantity: 1 }],
    },
  );
  const due = created.amountDueMinor;
  expect(due).toBeGreaterThan(0);

  // At the returns desk: the items in Polish, the difference to take, nothing received before it is paid.
  await page.context().addCookies([{ name: "omni-admin-store", value: "krakow", url: urls.admin }]);
  await signInWithApi(page, urls.admin, "admin@example.com", "demo-admin");
  await openReturn(page, created.returnNumber);
  await expect(page.getByTestId("return-detail")).toContainText(cheap.polish);
  await expect(page.getByTestId("exchange-lines")).toContainText(dear.polish);
  await expect(page.getByTestId("exchange-difference-due")).toContainText(moneyPattern(due));
  await page.getByTestId(`return-line-resellable-${collected.lines[0]!.lineId}`).check({ force: true });
  await expect(page.getByTestId("receive-submit")).toBeDisabled();
  await page.getByTestId("exchange-difference-pay-cash").click();
  await page.getByTestId("exchange-difference-cash-given").fill(((due - 1) / 100).toFixed(2));
  await expect(page.getByTestId("receive-submit")).toBeDisabled();
  const tendered = Math.ceil((due + 1) / 10_000) * 10_000;
  await page.getByTestId("exchange-difference-cash-given").fill((tendered / 100).toFixed(2));
  await expect(page.getByTestId("exchange-difference-cash-given-change")).toContainText(moneyPattern(tendered - due));
  await snap(page, "admin-exchange-difference-cash");
  await page.getByTestId("receive-submit").click();
  await expect(page.getByTestId("receive-result")).toBeVisible();
  await expect(page.getByTestId("exchange-difference-paid")).toContainText(moneyPattern(due));
  await expect(page.getByTestId("exchange-difference-change")).toContainText(moneyPattern(tendered - due));
  const exchangeOrder = (await page.getByTestId("exchange-order").getAttribute("data-order"))!;
  await snap(page, "admin-exchange-difference-done");

  // The exchange order records the difference as a payment taken at the counter.
  const order = await trpcQuery<{ paidMinor: number; events: { type: string }[] }>(request, urls.web, "orders.get", {
    orderNumber: exchangeOrder,
    email,
  });
  expect(order.paidMinor).toBe(due);
  expect(order.events.map((e) => e.type)).toContain("paid_in_store");
  await admin.dispose();
});
