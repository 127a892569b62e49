import { expect, pageSettled, phone, signInWithApi, snap, stockedVariants, test, urls } from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";
import { kioskPage } from "./kiosk-support";
import { fillCart } from "./web-helpers";

test.use({ ...phone });

type Cart = { cartId: string; lines: { sku: string; quantity: number }[] };

test("a phone shopper hands a cart to the Kraków kiosk by code, the kiosk places a click-and-collect order, and the phone lists it under my orders", async ({
  page: shop,
  browser,
  admin,
  request,
}) => {
  test.setTimeout(90_000);
  const [first, second] = await stockedVariants(admin, request, {
    count: 2,
    skip: 0,
    reason: "e2e handoff journey: known stock",
  });

  // Ada signs in on her phone; whatever an earlier visit left in her account cart is emptied first.
  await signInWithApi(shop, urls.web, "ada@example.com", "demo-shopper");
  const mine = await trpcMutation<{ cartId: string; cart?: Cart }>(shop.request, urls.web, "cart.create", {});
  const old = mine.cart ?? (await trpcQuery<Cart>(shop.request, urls.web, "cart.get", { cartId: mine.cartId }));
  for (const line of old.lines)
    await trpcMutation(shop.request, urls.web, "cart.setQuantity", { cartId: mine.cartId, sku: line.sku, quantity: 0 });

  // 1. She fills the cart in the shop.
  await fillCart(shop, [first!, second!]);
  await expect(shop.getByTestId("cart-line")).toHaveCount(2);

  // 2. …and hands it off: the cart page shows a short code (and its QR).
  await shop.getByTestId("handoff-button").click();
  const codeCard = shop.getByTestId("handoff-code");
  await expect(codeCard).toBeVisible();
  const code = (await codeCard.getAttribute("data-code"))!;
  expect(code.length).toBeGreaterThanOrEqual(4);
  await snap(shop, "cross-handoff-phone-code");

  // 3. At the Kraków kiosk she types the code and gets the same cart.
  const kiosk = await kioskPage(browser, "krakow");
  await kiosk.goto(urls.kiosk);
  await kiosk.getByTestId("attract-screen").tap();
  await kiosk.getByTestId("nav-cart").tap();
  await kiosk.getByTestId("resume-cart-link").tap();
  await expect(kiosk.getByTestId("resume-screen")).toBeVisible();
  await kiosk.getByTestId("handoff-input").fill(code);
  await kiosk.getByTestId("handoff-submit").tap();
  await expect(kiosk).toHaveURL(/\/cart$/);
  const lines = kiosk.getByTestId("cart-line");
  await expect(lines).toHaveCount(2);
  await expect(kiosk.locator(`[data-testid=cart-line][data-sku="${first!.sku}"]`)).toBeVisible();
  await expect(kiosk.locator(`[data-testid=cart-line][data-sku="${second!.sku}"]`)).toBeVisible();
  await snap(kiosk, "cross-handoff-kiosk-cart");

  // 4. Click-and-collect here in Kraków, paid at the counter.
  await kiosk.getByTestId("checkout").tap();
  await expect(kiosk.getByTestId("checkout-screen")).toBeVisible();
  await kiosk.getByTestId("fulfilment-here").tap();
  await kiosk.getByTestId("payment-pay_in_store").tap();
  await kiosk.getByTestId("checkout-name").fill("Ada Lovelace");
  await kiosk.getByTestId("checkout-email").fill("ada@example.com");
  await kiosk.getByTestId("place-order").tap();
  await expect(kiosk.getByTestId("order-confirmation")).toBeVisible({ timeout: 20_000 });
  const orderNumber = (await kiosk.getByTestId("order-number").textContent())!.trim();
  await expect(kiosk.getByTestId("pickup-code")).toBeVisible();
  await snap(kiosk, "cross-handoff-kiosk-order");

  const order = await trpcQuery<{ channel: string; fulfillment: { type: string; storeId?: string } }>(
    request,
    urls.web,
    "orders.get",
    { orderNumber, email: "ada@example.com" },
  );
  expect(order.channel).toBe("kiosk");
  expect(order.fulfillment).toMatchObject({ type: "pickup", storeId: "krakow" });

  // 5. Back on the phone, the order is under "my orders", and opens.
  await shop.goto(urls.web);
  await pageSettled(shop);
  await shop.getByTestId("account-link").click();
  await pageSettled(shop);
  const listed = shop.getByTestId("my-orders").getByRole("link", { name: new RegExp(orderNumber) });
  await expect(listed).toBeVisible();
  await snap(shop, "cross-handoff-phone-my-orders");
  await listed.click();
  await pageSettled(shop);
  await expect(shop.getByTestId("order-number")).toHaveText(orderNumber);

  await kiosk.context().close();
});
