import {
  backOfficePage,
  expect,
  journeyEmail,
  pageSettled,
  phone,
  snap,
  staff,
  stockedVariants,
  test,
  urls,
} from "../fixtures";
import { trpcQuery } from "../trpc";
import { addToCart, chooseStorePickup, openProductPage, payByTestCard } from "./web-helpers";

test.use({ ...phone });

const LOCATIONS = ["krakow", "warszawa", "gdansk", "wroclaw", "poznan", "online"];

type Transfer = { transferNumber: string; status: string; orderNumber?: string; fromStoreId: string };

test("a Kraków pickup of what only Warszawa has is promised, shipped by Warszawa, scanned in by Kraków and collected", async ({
  page: shop,
  browser,
  admin,
  request,
}) => {
  test.setTimeout(150_000);
  // A product that only Warszawa has, one unit, set by the admin before the shopper comes.
  const [jacket] = await stockedVariants(admin, request, {
    count: 1,
    skip: 40,
    stock: Object.fromEntries(LOCATIONS.map((storeId) => [storeId, storeId === "warszawa" ? 1 : 0])),
    reason: "e2e ship-to-store journey: only Warszawa has it",
  });
  const email = journeyEmail("ship-to-store");

  // 1. On the phone, Kraków is the shopper's store: the product page promises it sent in, "ready on …".
  await shop.context().addCookies([{ name: "omni-store", value: "krakow", url: urls.web }]);
  await openProductPage(shop, jacket!);
  const krakowRow = shop
    .locator('[data-testid=store-availability-row][data-store-id="krakow"]')
    .filter({ visible: true });
  await expect(krakowRow.getByTestId("pickup-promise")).toHaveAttribute("data-sourcing", "ship_to_store");
  await expect(krakowRow.getByTestId("pickup-promise")).toContainText(/gotowe (w|we) \S+/);
  await snap(shop, "transfer-shop-product-promise");
  await addToCart(shop);

  // 2. Checkout for pickup in Kraków: the store is offered with goods sent in, and the promise.
  await shop.getByTestId("cart-link").click();
  await pageSettled(shop);
  await shop.getByTestId("go-to-checkout").click();
  await pageSettled(shop);
  await shop.getByTestId("checkout-name").fill("Jan Daleki");
  await shop.getByTestId("checkout-email").fill(email);
  const krakow = await chooseStorePickup(shop, "krakow");
  await expect(krakow).toHaveAttribute("data-sourcing", "ship_to_store");
  await expect(krakow.getByTestId("pickup-promise")).toContainText(/gotowe/);
  const { orderNumber, pickupCode } = await payByTestCard(shop);
  await expect(shop.getByTestId("pickup-promise")).toHaveAttribute("data-sourcing", "ship_to_store");
  await expect(shop.getByTestId("pickup-promise")).toContainText(/gotowe (w|we) \S+/);
  await snap(shop, "transfer-shop-order-ready-on");
  const order = await trpcQuery<{ readyBy: string }>(request, urls.web, "orders.get", { orderNumber, email });
  expect(order.readyBy).toBeTruthy();

  // 3. The Warszawa manager finds the transfer for the order, scans the jacket on the pick list and ships it.
  const max = await backOfficePage(browser, staff.max);
  await max.goto(`${urls.admin}/transfers`);
  const row = max.getByTestId("transfer-row").filter({ hasText: orderNumber });
  await expect(row).toHaveCount(1);
  await snap(max, "transfer-admin-list");
  await row.getByRole("link").click();
  await expect(max.getByTestId("pick-list")).toBeVisible();
  await max.getByTestId("pick-scan").fill(jacket!.sku);
  await max.getByTestId("pick-scan").press("Enter");
  await expect(max.locator(`[data-testid=pick-line][data-sku="${jacket!.sku}"]`)).toHaveAttribute("data-packed", "1");
  await expect(max.getByTestId("pick-tick")).toBeChecked();
  await snap(max, "transfer-admin-pick-list");
  await max.getByTestId("ship-transfer").click();
  await max.getByTestId("ship-transfer-confirm").click();
  await expect(max.getByTestId("transfer-status")).toHaveAttribute("data-status", "in_transit");

  // 4. The Kraków associate scans in what arrived.
  const ola = await backOfficePage(browser, staff.ola);
  await ola.goto(`${urls.admin}/transfers`);
  await ola.getByTestId("transfer-status-filter").selectOption("in_transit");
  const incoming = ola.getByTestId("transfer-row").filter({ hasText: orderNumber });
  await expect(incoming).toHaveCount(1);
  await incoming.getByRole("link").click();
  await expect(ola.getByTestId("receive-list")).toBeVisible();
  await ola.getByTestId("receive-scan").fill(jacket!.sku.toLowerCase());
  await ola.getByTestId("receive-scan").press("Enter");
  await expect(ola.locator(`[data-testid=receive-line][data-sku="${jacket!.sku}"]`)).toHaveAttribute(
    "data-received",
    "1",
  );
  await snap(ola, "transfer-admin-receive");
  await ola.getByTestId("receive-transfer").click();
  await expect(ola.getByTestId("transfer-status")).toHaveAttribute("data-status", "received");
  const transfers = await trpcQuery<Transfer[]>(admin, urls.admin, "transfers.list", { storeId: "krakow" });
  expect(transfers.find((t) => t.orderNumber === orderNumber)).toMatchObject({
    status: "received",
    fromStoreId: "warszawa",
  });

  // 5. The goods are in: the clerk picks the order and puts it ready; the shopper is told.
  await ola.goto(`${urls.admin}/pickup`);
  const card = ola.getByTestId(`queue-order-${orderNumber}`);
  await card.getByTestId("advance-picking").click();
  await expect(card).toHaveAttribute("data-status", "picking");
  await card.getByTestId("advance-ready").click();
  await expect(card).toHaveAttribute("data-status", "ready_for_pickup");
  await ola.goto(`${urls.admin}/notifications`);
  await ola.getByTestId("notifications-email").fill(email);
  await ola.getByTestId("notifications-filter").click();
  await expect(ola.locator('[data-testid=notification-row][data-template="order_ready_for_pickup"]')).toHaveCount(1);
  await shop.goto(`${urls.web}/orders/${orderNumber}?email=${encodeURIComponent(email)}`);
  await pageSettled(shop);
  await expect(shop.getByTestId("status-badge").first()).toHaveAttribute("data-status", "ready_for_pickup");
  await snap(shop, "transfer-shop-ready");

  // 6. Collected at the Kraków counter with the pickup code.
  await ola.goto(`${urls.admin}/pickup/collect`);
  await ola.getByTestId("collect-code-input").fill(pickupCode);
  await ola.getByTestId("collect-find").click();
  await expect(ola.getByTestId("collect-order-number")).toHaveText(orderNumber);
  await ola.getByTestId("collect-submit").click();
  await expect(ola.getByTestId("collect-confirmation")).toBeVisible();
  const after = await trpcQuery<{ status: string }>(request, urls.web, "orders.get", { orderNumber, email });
  expect(after.status).toBe("collected");

  // 7. The other new screens, for the record: a new transfer and replenishment in Warszawa.
  await max.goto(`${urls.admin}/transfers/new`);
  await expect(max.getByTestId("new-transfer-form")).toBeVisible();
  await snap(max, "transfer-admin-new");
  await max.goto(`${urls.admin}/replenishment`);
  await max.getByTestId("reorder-category").selectOption({ index: 1 });
  await max.getByTestId("reorder-min").fill("40");
  await max.getByTestId("save-reorder-points").click();
  await expect(max.getByTestId("replenishment-row").first()).toBeVisible();
  await snap(max, "transfer-admin-replenishment");

  await max.context().close();
  await ola.context().close();
});
