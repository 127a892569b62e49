import type { Browser, Page } from "@playwright/test";

import {
  availableAt,
  backOfficeScreen,
  collectViaApi,
  expect,
  journeyEmail,
  kioskDevice1080,
  moneyPattern,
  pageSettled,
  phone,
  pickVariants,
  placePickupOrderViaApi,
  signInWithApi,
  snap,
  staffApi,
  test,
  urls,
} from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";

test.use({ ...phone });

type Playwright = Parameters<typeof staffApi>[0];

/** A Kraków click-and-collect order of one unit, collected: set up through the API. */
async function collectedKrakowOrder(playwright: Playwright, request: Page["request"], skip: number, journey: string) {
  const admin = await staffApi(playwright, "admin@example.com", "demo-admin");
  const [variant] = await pickVariants(request, 1, skip);
  await trpcMutation(admin, urls.admin, "inventory.setOnHand", {
    storeId: "krakow",
    sku: variant!.sku,
    onHand: 10,
    reason: `e2e ${journey}: known stock`,
  });
  const email = journeyEmail(journey);
  const placed = await placePickupOrderViaApi(request, {
    storeId: "krakow",
    lines: [{ sku: variant!.sku, quantity: 1 }],
    email,
    name: "Zofia Zwracająca",
  });
  const collected = await collectViaApi(admin, placed.orderNumber, placed.pickupCode);
  expect(collected.status).toBe("collected");
  await admin.dispose();
  return { variant: variant!, email, orderNumber: placed.orderNumber };
}

/** The Warszawa manager receives a return at the returns desk, every line in `condition`; returns the refund shown. */
async function receiveInWarsaw(
  browser: Browser,
  returnNumber: string,
  condition: "resellable" | "damaged",
  shot: string,
) {
  const context = await browser.newContext({ ...backOfficeScreen });
  const manager = await context.newPage();
  await signInWithApi(manager, urls.admin, "max@example.com", "demo-manager");
  await manager.goto(`${urls.admin}/returns`);
  await expect(manager.getByTestId("store-switcher")).toHaveValue("warszawa");
  await manager.getByTestId("return-lookup-input").fill(returnNumber);
  await manager.getByTestId("return-lookup-submit").click();
  const detail = manager.getByTestId("return-detail");
  await expect(detail).toContainText(returnNumber);
  const choices = manager.locator(`[data-testid^="return-line-${condition}-"]`);
  await expect(choices).toHaveCount(1);
  // The choice is a labelled radio (the input itself is visually hidden): the manager clicks the label.
  await manager.locator("label", { has: choices.first() }).click();
  await expect(choices.first()).toBeChecked();
  await manager.getByTestId("receive-submit").click();
  await expect(manager.getByTestId("receive-result")).toBeVisible();
  const refundMinor = Number(await manager.getByTestId("refund-amount").getAttribute("data-refund-minor"));
  await snap(manager, shot);
  await context.close();
  return refundMinor;
}

/** The shop's page of a return says it is refunded, and how much. */
async function expectRefundInShop(shop: Page, returnNumber: string, email: string, refundMinor: number) {
  await shop.goto(`${urls.web}/returns/${encodeURIComponent(returnNumber)}?email=${encodeURIComponent(email)}`);
  await pageSettled(shop);
  await expect(shop.getByTestId("return-number")).toHaveText(returnNumber);
  await expect(shop.getByTestId("status-badge").first()).toHaveAttribute("data-status", "refunded");
  await expect(shop.getByTestId("return-refund")).toHaveText(moneyPattern(refundMinor));
}

test("a Kraków pickup is returned at the Warszawa kiosk, received resellable in Warszawa: refunded, and Warszawa's stock rises by one", async ({
  page: shop,
  browser,
  playwright,
  request,
}) => {
  test.setTimeout(90_000);
  const { variant, email, orderNumber } = await collectedKrakowOrder(playwright, request, 30, "cross-returns-kiosk");
  const warsawBefore = await availableAt(request, variant.sku, "warszawa");
  const krakowBefore = await availableAt(request, variant.sku, "krakow");

  // At the Warszawa kiosk: order number and e-mail, the line, a reason, refund to the card.
  const kioskContext = await browser.newContext({ ...kioskDevice1080 });
  await kioskContext.addCookies([
    { name: "omni-kiosk-device", value: "dev-kiosk-warszawa", url: urls.kiosk, httpOnly: true, sameSite: "Strict" },
  ]);
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(`${urls.kiosk}/returns`);
  await expect(kiosk.getByTestId("returns-screen")).toBeVisible();
  await kiosk.getByTestId("return-order-number").fill(orderNumber);
  await kiosk.getByTestId("return-email").fill(email);
  await kiosk.getByTestId("return-find").tap();
  await expect(kiosk.getByTestId("return-lines")).toBeVisible();
  await expect(kiosk.getByTestId("eligibility-line")).toHaveCount(1);
  await kiosk.getByTestId("return-reason-wrong_size").tap();
  await kiosk.getByTestId("refund-to-original").tap();
  await kiosk.getByTestId("create-return").tap();
  await expect(kiosk.getByTestId("return-confirmation")).toBeVisible();
  const returnNumber = (await kiosk.getByTestId("return-number").textContent())!.trim();
  await expect(kiosk.getByTestId("hand-to-counter")).toBeVisible();
  await snap(kiosk, "cross-returns-kiosk-warszawa");
  await kioskContext.close();

  const refundMinor = await receiveInWarsaw(
    browser,
    returnNumber,
    "resellable",
    "cross-returns-admin-received-resellable",
  );
  expect(refundMinor).toBe(variant.priceMinor);

  // Warszawa's shelf has one more; Kraków is untouched; the return is refunded.
  expect(await availableAt(request, variant.sku, "warszawa")).toBe(warsawBefore + 1);
  expect(await availableAt(request, variant.sku, "krakow")).toBe(krakowBefore);
  const ret = await trpcQuery<{ status: string; refundMinor: number }>(request, urls.web, "returns.get", {
    returnNumber,
    email,
  });
  expect(ret).toMatchObject({ status: "refunded", refundMinor });

  // The shop shows the refund on the return's page (the link of the shopper's e-mails).
  await expectRefundInShop(shop, returnNumber, email, refundMinor);
  await snap(shop, "cross-returns-shop-refund");
});

test("a mail return started in the shop is received damaged: refunded, and no store's stock rises", async ({
  page: shop,
  browser,
  playwright,
  request,
}) => {
  test.setTimeout(90_000);
  const { variant, email, orderNumber } = await collectedKrakowOrder(playwright, request, 31, "cross-returns-mail");
  const warsawBefore = await availableAt(request, variant.sku, "warszawa");
  const krakowBefore = await availableAt(request, variant.sku, "krakow");

  // In the shop: the order page's "return items", the line, a reason, sent by mail.
  await shop.goto(`${urls.web}/orders/${orderNumber}?email=${encodeURIComponent(email)}`);
  await pageSettled(shop);
  await shop.getByTestId("return-items").click();
  await pageSettled(shop);
  await expect(shop).toHaveURL(/\/returns/);
  await expect(shop.getByTestId("eligibility-line")).toHaveCount(1);
  await shop.getByTestId("eligibility-line").getByTestId("return-quantity").selectOption("1");
  await shop.getByTestId("return-reason").selectOption("damaged");
  await shop.getByTestId("return-mail").check();
  await shop.getByTestId("refund-original").check();
  await shop.getByTestId("return-submit").click();
  await expect(shop.getByTestId("return-number")).toBeVisible();
  const returnNumber = (await shop.getByTestId("return-number").textContent())!.trim();
  await snap(shop, "cross-returns-shop-mail-return");

  const refundMinor = await receiveInWarsaw(browser, returnNumber, "damaged", "cross-returns-admin-received-damaged");
  expect(refundMinor).toBe(variant.priceMinor);

  // Damaged goods are written off: no store has more than before.
  expect(await availableAt(request, variant.sku, "warszawa")).toBe(warsawBefore);
  expect(await availableAt(request, variant.sku, "krakow")).toBe(krakowBefore);
  const ret = await trpcQuery<{ status: string }>(request, urls.web, "returns.get", { returnNumber, email });
  expect(ret.status).toBe("refunded");

  await expectRefundInShop(shop, returnNumber, email, refundMinor);
  await snap(shop, "cross-returns-shop-mail-refund");
});
