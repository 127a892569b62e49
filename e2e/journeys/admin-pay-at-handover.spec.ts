import {
  availableAt,
  backOfficeScreen,
  expect,
  journeyEmail,
  moneyPattern,
  pickVariants,
  placePickupOrderViaApi,
  signInWithApi,
  snap,
  staffApi,
  test,
  urls,
} from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";

test.use(backOfficeScreen);

test("a pay-in-store order is handed over only once the clerk records the cash, with the change to give", async ({
  page,
  request,
  playwright,
}) => {
  const candidates = await pickVariants(request, 8, 60);
  let sku: string | undefined;
  for (const variant of candidates) {
    if ((await availableAt(request, variant.sku, "krakow")) >= 1) {
      sku = variant.sku;
      break;
    }
  }
  expect(sku, "a SKU in stock in Kraków").toBeDefined();
  const email = journeyEmail("pay-at-handover");
  const placed = await placePickupOrderViaApi(request, {
    storeId: "krakow",
    lines: [{ sku: sku!, quantity: 1 }],
    email,
    name: "Paulina Płacąca",
    payment: { method: "pay_in_store" },
  });
  const staff = await staffApi(playwright, "admin@example.com", "demo-admin");
  for (const to of ["picking", "ready_for_pickup"])
    await trpcMutation(staff, urls.admin, "fulfillment.advance", { orderNumber: placed.orderNumber, to });
  await staff.dispose();

  await page.context().addCookies([{ name: "omni-admin-store", value: "krakow", url: urls.admin }]);
  await signInWithApi(page, urls.admin, "admin@example.com", "demo-admin");
  await page.goto(`${urls.admin}/pickup/collect?order=${placed.orderNumber}`);
  await page.getByTestId("collect-code-input").fill(placed.pickupCode);
  await page.getByTestId("collect-find").click();
  await expect(page.getByTestId("collect-order-number")).toHaveText(placed.orderNumber);
  await expect(page.getByTestId("collect-due")).toContainText(moneyPattern(placed.totalMinor));
  // Nothing is handed over before the payment is recorded.
  await expect(page.getByTestId("collect-submit")).toBeDisabled();
  await page.getByTestId("collect-pay-cash").click();
  await page.getByTestId("collect-cash-given").fill(((placed.totalMinor - 1) / 100).toFixed(2));
  await expect(page.getByTestId("collect-cash-given-change")).toBeVisible();
  await expect(page.getByTestId("collect-submit")).toBeDisabled();
  await page.getByTestId("collect-cash-given").fill(((placed.totalMinor + 5_000) / 100).toFixed(2));
  await expect(page.getByTestId("collect-cash-given-change")).toContainText(moneyPattern(5_000));
  await snap(page, "admin-pay-at-handover-cash");
  await page.getByTestId("collect-submit").click();
  await expect(page.getByTestId("collect-confirmation")).toBeVisible();
  await expect(page.getByTestId("collect-paid")).toContainText(moneyPattern(placed.totalMinor));
  await expect(page.getByTestId("collect-change")).toContainText(moneyPattern(5_000));
  await snap(page, "admin-pay-at-handover-done");

  const order = await trpcQuery<{ status: string; paidMinor: number; events: { type: string }[] }>(
    request,
    urls.web,
    "orders.get",
    { orderNumber: placed.orderNumber, email },
  );
  expect(order.status).toBe("collected");
  expect(order.paidMinor).toBe(placed.totalMinor);
  expect(order.events.map((e) => e.type)).toContain("paid_in_store");
});
