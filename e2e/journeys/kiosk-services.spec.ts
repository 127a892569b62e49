import { expect, kioskScreen, signInWithApi, snap, test, urls } from "../fixtures";
import { trpcMutation } from "../trpc";
import { chooseVariant, pairKiosk, variantInStock } from "./kiosk-support";

test.use(kioskScreen);

test("click-and-collect ordered at the kiosk, checked in there when ready, then returned there", async ({
  page,
  context,
}) => {
  await pairKiosk(context, "krakow");
  const variant = await variantInStock(page, "krakow");
  await chooseVariant(page, variant);
  await page.getByTestId("add-to-cart").tap();
  await page.getByTestId("go-to-cart").tap();
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await page.getByTestId("checkout").tap();

  await expect(page.getByTestId("fulfilment-here")).toHaveAttribute("aria-pressed", "true");
  await page.getByTestId("payment-pay_in_store").tap();
  await page.getByTestId("checkout-name").fill("Kiosk Shopper");
  await page.getByTestId("checkout-email").fill("kiosk-journey@example.com");
  await page.getByTestId("place-order").tap();
  await expect(page.getByTestId("order-confirmation")).toBeVisible();
  const orderNumber = (await page.getByTestId("order-number").textContent())!.trim();
  const pickupCode = (await page.getByTestId("pickup-code").getAttribute("data-code"))!;
  expect(pickupCode.length).toBeGreaterThanOrEqual(6);
  await snap(page, "kiosk-order-confirmation");

  // A wrong code is a clear error, not a crash.
  await page.goto(`${urls.kiosk}/collect`);
  await page.getByTestId("checkin-code").fill("WRONG234");
  await page.getByTestId("checkin-submit").tap();
  await expect(page.getByTestId("checkin-error")).toBeVisible();

  // Staff of the store pick the order and mark it ready in the back office.
  await signInWithApi(page, urls.admin, "ola@example.com", "demo-staff");
  await trpcMutation(page.request, urls.admin, "fulfillment.advance", { orderNumber, to: "picking" });
  await trpcMutation(page.request, urls.admin, "fulfillment.advance", { orderNumber, to: "ready_for_pickup" });

  await page.getByTestId("checkin-code").fill("");
  for (const char of pickupCode.toLowerCase()) await page.getByTestId(`osk-key-${char}`).tap();
  await page.getByTestId("checkin-submit").tap();
  await expect(page.getByTestId("checkin-confirmation")).toBeVisible();
  await expect(page.getByTestId("checkin-order-number")).toHaveText(orderNumber);
  await expect(page.getByTestId("checkin-pickup-point")).not.toBeEmpty();
  await snap(page, "kiosk-checkin-confirmation");

  // Collected at the counter; then the shopper returns it at the kiosk, refunded as store credit.
  await trpcMutation(page.request, urls.admin, "pickup.collect", {
    code: pickupCode,
    payment: { method: "cash", tenderedMinor: 100_000 },
  });
  await page.goto(`${urls.kiosk}/browse`);
  await page.getByTestId("service-returns").tap();
  await page.getByTestId("return-order-number").fill(orderNumber);
  await page.getByTestId("return-email").fill("kiosk-journey@example.com");
  await page.getByTestId("return-find").tap();
  await expect(page.getByTestId("eligibility-line")).toHaveCount(1);
  await page.getByTestId("return-reason-wrong_size").tap();
  await page.getByTestId("refund-to-store_credit").tap();
  await page.getByTestId("create-return").tap();
  await expect(page.getByTestId("return-confirmation")).toBeVisible();
  await expect(page.getByTestId("return-number")).not.toBeEmpty();
  await expect(page.getByTestId("hand-to-counter")).toBeVisible();
  await snap(page, "kiosk-return-confirmation");
});

test("a shopper reserves a product in this store, looks the reservation up and cancels it", async ({
  page,
  context,
}) => {
  await pairKiosk(context, "krakow");
  const variant = await variantInStock(page, "krakow");
  await chooseVariant(page, variant);
  await page.getByTestId("reserve-here").tap();
  await expect(page.getByTestId("reserve-item")).toContainText("·");
  const productTitle = (await page.getByTestId("reserve-item").textContent())!.split(" · ")[0]!.trim();
  await page.getByTestId("reserve-name").fill("Kiosk Reserver");
  await page.getByTestId("reserve-email").fill("kiosk-reserver@example.com");
  await page.getByTestId("reserve-submit").tap();
  await expect(page.getByTestId("reservation-confirmation")).toBeVisible();
  // The confirmation names what is kept.
  await expect(page.getByTestId("reserved-item")).toContainText(productTitle);
  const code = (await page.getByTestId("reservation-code").getAttribute("data-code"))!;
  await snap(page, "kiosk-reservation");

  await page.goto(`${urls.kiosk}/reservations`);
  await page.getByTestId("reservation-code-input").fill(code);
  await page.getByTestId("reservation-email").fill("kiosk-reserver@example.com");
  await page.getByTestId("reservation-find").tap();
  await expect(page.getByTestId("reservation-details")).toBeVisible();
  await expect(page.getByTestId("status-badge")).toHaveAttribute("data-status", "active");
  // Cancelling asks first, naming the item; "no" keeps the reservation.
  const lineTitle = (await page.getByTestId("reservation-line-title").textContent())!.trim();
  await page.getByTestId("cancel-reservation").tap();
  await expect(page.getByTestId("cancel-reservation-dialog")).toContainText(lineTitle);
  await page.getByTestId("cancel-reservation-keep").tap();
  await expect(page.getByTestId("status-badge")).toHaveAttribute("data-status", "active");
  await page.getByTestId("cancel-reservation").tap();
  await page.getByTestId("cancel-reservation-confirm").tap();
  await expect(page.getByTestId("reservation-cancelled")).toBeVisible();
  await expect(page.getByTestId("status-badge")).toHaveAttribute("data-status", "cancelled");
});

test("a cart started on a phone continues at the kiosk with its handoff code", async ({ page, context }) => {
  await pairKiosk(context, "krakow");
  const variant = await variantInStock(page, "krakow", 1);
  const { cartId } = await trpcMutation<{ cartId: string }>(page.request, urls.web, "cart.create", undefined);
  await trpcMutation(page.request, urls.web, "cart.setQuantity", { cartId, sku: variant.sku, quantity: 2 });
  const { code } = await trpcMutation<{ code: string }>(page.request, urls.web, "cart.handoff", { cartId });

  await page.goto(`${urls.kiosk}/browse`);
  await page.getByTestId("service-resume").tap();
  await page.getByTestId("handoff-input").fill(code);
  await page.getByTestId("handoff-submit").tap();
  await expect(page.getByTestId("cart-screen")).toBeVisible();
  await expect(
    page.locator(`[data-testid="cart-line"][data-sku="${variant.sku}"] [data-testid="line-quantity"]`),
  ).toHaveText("2");
  await expect(page.getByTestId("cart-count")).toHaveText("2");
});
