import {
  availableAt,
  backOfficeScreen,
  expect,
  journeyEmail,
  kioskDevice1080,
  moneyPattern,
  pageSettled,
  phone,
  pickVariants,
  signInWithApi,
  snap,
  staffApi,
  test,
  urls,
} from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";

test.use({ ...phone });

type Order = {
  orderNumber: string;
  status: string;
  lines: { lineId: string; sku: string; quantity: number; unitPriceMinor: number }[];
};

test("a phone order for pickup in Kraków is picked, announced, checked in at the kiosk and handed over with one line declined", async ({
  page: shop,
  browser,
  playwright,
  request,
}) => {
  test.setTimeout(90_000);
  // Two products with exactly known Kraków stock, set by the admin before the shopper comes.
  const admin = await staffApi(playwright, "admin@example.com", "demo-admin");
  const [kept, declined] = await pickVariants(request, 2, 10);
  for (const v of [kept!, declined!]) {
    await trpcMutation(admin, urls.admin, "inventory.setOnHand", {
      storeId: "krakow",
      sku: v.sku,
      onHand: 10,
      reason: "e2e pickup journey: known stock",
    });
  }
  const email = journeyEmail("cross-pickup");

  // 1. The shopper orders both on the phone, for pickup in Kraków, paying by test card.
  await shop.context().addCookies([{ name: "omni-store", value: "krakow", url: urls.web }]);
  for (const v of [kept!, declined!]) {
    await shop.goto(`${urls.web}/p/${v.slug}?sku=${encodeURIComponent(v.sku)}`);
    await pageSettled(shop);
    await shop.getByTestId("add-to-cart").filter({ visible: true }).click();
    await expect(shop.getByTestId("added-to-cart")).toBeVisible();
  }
  await shop.getByTestId("cart-link").click();
  await pageSettled(shop);
  await expect(shop.getByTestId("cart-line")).toHaveCount(2);
  await shop.getByTestId("go-to-checkout").click();
  await pageSettled(shop);
  await shop.getByTestId("checkout-name").fill("Piotr Odbiorca");
  await shop.getByTestId("checkout-email").fill(email);
  await shop.getByTestId("fulfillment-pickup").check();
  const krakow = shop.locator('[data-testid=pickup-store-option][data-store-id="krakow"]');
  await expect(krakow).toHaveAttribute("data-all-available", "true");
  await krakow.locator("input").check();
  await shop.getByTestId("payment-card").check();
  await shop.getByTestId("card-number").fill("4242 4242 4242 4242");
  await shop.getByTestId("checkout-submit").click();
  await expect(shop.getByTestId("order-number")).toBeVisible({ timeout: 30_000 });
  const orderNumber = (await shop.getByTestId("order-number").textContent())!.trim();
  const pickupCode = (await shop.getByTestId("pickup-code").getAttribute("data-code"))!;
  expect(pickupCode.length).toBeGreaterThanOrEqual(6);
  const order = await trpcQuery<Order>(request, urls.web, "orders.get", { orderNumber, email });
  expect(order.lines).toHaveLength(2);
  const declinedLine = order.lines.find((l) => l.sku === declined!.sku)!;

  // 2. The Kraków clerk starts picking and marks it ready in the back office.
  const adminContext = await browser.newContext({ ...backOfficeScreen });
  const clerk = await adminContext.newPage();
  await signInWithApi(clerk, urls.admin, "ola@example.com", "demo-staff");
  await clerk.goto(`${urls.admin}/pickup`);
  await expect(clerk.getByTestId("store-switcher")).toHaveValue("krakow");
  const card = clerk.getByTestId(`queue-order-${orderNumber}`);
  await expect(card).toHaveAttribute("data-status", "placed");
  await expect(card.getByTestId("pick-list")).toContainText(kept!.sku);
  await expect(card.getByTestId("pick-list")).toContainText(declined!.sku);
  await card.getByTestId("advance-picking").click();
  await expect(card).toHaveAttribute("data-status", "picking");
  await card.getByTestId("advance-ready").click();
  await expect(card).toHaveAttribute("data-status", "ready_for_pickup");

  // 3. The "ready for pickup" message to the shopper carries the pickup code (masked for staff).
  await clerk.goto(`${urls.admin}/notifications`);
  await clerk.getByTestId("notifications-email").fill(email);
  await clerk.getByTestId("notifications-filter").click();
  const ready = clerk.locator('[data-testid=notification-row][data-template="order_ready_for_pickup"]');
  await expect(ready).toHaveCount(1);
  await ready.click();
  // The code is a bearer secret: staff see that it went out, masked to its last two characters.
  await expect(
    clerk
      .locator("td")
      .filter({ hasText: `••${pickupCode.slice(-2)}` })
      .first(),
  ).toBeVisible();
  await expect(clerk.locator("td").filter({ hasText: pickupCode })).toHaveCount(0);
  await snap(clerk, "cross-pickup-admin-ready-notification");

  // 4. The shopper checks in with the code at the Kraków kiosk.
  const kioskContext = await browser.newContext({ ...kioskDevice1080 });
  await kioskContext.addCookies([
    { name: "omni-kiosk-device", value: "dev-kiosk-krakow", url: urls.kiosk, httpOnly: true, sameSite: "Strict" },
  ]);
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(`${urls.kiosk}/collect`);
  await expect(kiosk.getByTestId("collect-screen")).toBeVisible();
  await kiosk.getByTestId("checkin-code").fill(pickupCode);
  await kiosk.getByTestId("checkin-submit").tap();
  await expect(kiosk.getByTestId("checkin-confirmation")).toBeVisible();
  await expect(kiosk.getByTestId("checkin-order-number")).toHaveText(orderNumber);
  await snap(kiosk, "cross-pickup-kiosk-checked-in");

  // 5. The clerk sees the shopper waiting and hands the order over; the shopper declines one line.
  await clerk.goto(`${urls.admin}/pickup`);
  await expect(card).toHaveAttribute("data-checked-in", "true");
  await expect(card.getByTestId("checked-in")).toBeVisible();
  const declinedBefore = await availableAt(request, declined!.sku, "krakow");
  await card.getByRole("link").click();
  await expect(clerk).toHaveURL(/\/pickup\/collect/);
  await clerk.getByTestId("collect-code-input").fill(pickupCode);
  await clerk.getByTestId("collect-find").click();
  await expect(clerk.getByTestId("collect-order-number")).toHaveText(orderNumber);
  await clerk.getByTestId(`decline-line-${declinedLine.lineId}`).check();
  await clerk.getByTestId("collect-submit").click();
  await expect(clerk.getByTestId("collect-confirmation")).toBeVisible();
  await expect(clerk.getByTestId("declined-summary")).toBeVisible();
  await snap(clerk, "cross-pickup-admin-handed-over");

  // The declined unit is back on Kraków's shelf; the order is collected with the line declined.
  expect(await availableAt(request, declined!.sku, "krakow")).toBe(declinedBefore + declinedLine.quantity);
  const after = await trpcQuery<Order & { lines: { declinedQuantity: number }[] }>(request, urls.web, "orders.get", {
    orderNumber,
    email,
  });
  expect(after.status).toBe("collected");

  // 6. The shop's order page shows "collected", the declined line and the refund of it.
  await shop.goto(`${urls.web}/orders/${orderNumber}?email=${encodeURIComponent(email)}`);
  await pageSettled(shop);
  await expect(shop.getByTestId("status-badge").first()).toHaveAttribute("data-status", "collected");
  await expect(shop.getByTestId("pickup-code")).toHaveCount(0);
  await expect(shop.locator(`[data-testid=order-line][data-sku="${declined!.sku}"]`)).toContainText(/odrzuc|declined/i);
  await snap(shop, "cross-pickup-shop-collected");
  const refunded = moneyPattern(declinedLine.unitPriceMinor * declinedLine.quantity);
  await expect(shop.getByTestId("declined-refund")).toContainText(/zwrot pieniędzy|refund/i);
  await expect(shop.getByTestId("declined-refund")).toContainText(refunded);

  await kioskContext.close();
  await adminContext.close();
  await admin.dispose();
});
