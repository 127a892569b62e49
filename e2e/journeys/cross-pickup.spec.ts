import {
  availableAt,
  backOfficePage,
  expect,
  journeyEmail,
  moneyPattern,
  pageSettled,
  phone,
  snap,
  staff,
  stockedVariants,
  test,
  urls,
} from "../fixtures";
import { trpcQuery } from "../trpc";
import { kioskPage } from "./kiosk-support";
import { chooseStorePickup, fillCart, payByTestCard } from "./web-helpers";

test.use({ ...phone });

type Order = {
  orderNumber: string;
  status: string;
  lines: { lineId: string; sku: string; quantity: number; unitPriceMinor: number }[];
};

test("a phone order for pickup in Kraków is picked, announced, checked in at the kiosk and handed over with one line declined", async ({
  page: shop,
  browser,
  admin,
  request,
}) => {
  test.setTimeout(90_000);
  // Two products with exactly known Kraków stock, set by the admin before the shopper comes.
  const [kept, declined] = await stockedVariants(admin, request, {
    count: 2,
    skip: 10,
    reason: "e2e pickup journey: known stock",
  });
  const email = journeyEmail("cross-pickup");

  // 1. The shopper orders both on the phone, for pickup in Kraków, paying by test card.
  await shop.context().addCookies([{ name: "omni-store", value: "krakow", url: urls.web }]);
  await fillCart(shop, [kept!, declined!]);
  await expect(shop.getByTestId("cart-line")).toHaveCount(2);
  await shop.getByTestId("go-to-checkout").click();
  await pageSettled(shop);
  await shop.getByTestId("checkout-name").fill("Piotr Odbiorca");
  await shop.getByTestId("checkout-email").fill(email);
  const krakow = await chooseStorePickup(shop, "krakow");
  await expect(krakow).toHaveAttribute("data-all-available", "true");
  const { orderNumber, pickupCode } = await payByTestCard(shop);
  expect(pickupCode.length).toBeGreaterThanOrEqual(6);
  const order = await trpcQuery<Order>(request, urls.web, "orders.get", { orderNumber, email });
  expect(order.lines).toHaveLength(2);
  const declinedLine = order.lines.find((l) => l.sku === declined!.sku)!;

  // 2. The Kraków clerk starts picking and marks it ready in the back office.
  const clerk = await backOfficePage(browser, staff.ola);
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
  const kiosk = await kioskPage(browser, "krakow");
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

  await kiosk.context().close();
  await clerk.context().close();
});
