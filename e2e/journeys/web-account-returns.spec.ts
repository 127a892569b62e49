import { request as playwrightRequest } from "@playwright/test";

import { expect, pageSettled, phone, snap, test, urls } from "../fixtures";
import { trpcMutation } from "../trpc";
import { findStockedVariant, signedInRequest, staffAppUrl } from "./web-helpers";

test.use({ ...phone });

test("a guest cart follows the shopper into the account; a collected pickup order is returned by mail", async ({
  page,
  request,
}) => {
  // A long journey through many pages: give it more than the default minute.
  test.setTimeout(180_000);
  const { product, variant, storeId } = await findStockedVariant(request);
  // A shopper of its own: other journeys leave things in the demo shopper's account cart.
  const email = `returns-${Date.now()}@example.com`;
  const password = "returns-journey";
  await trpcMutation(request, urls.web, "account.signUp", { email, password, name: "Rita Returns" });

  // A guest adds to the cart, then signs in: the cart comes along.
  await page.context().addCookies([{ name: "omni-store", value: storeId, url: urls.web }]);
  await page.goto(`${urls.web}/p/${product.slug}?sku=${encodeURIComponent(variant.sku)}`);
  await pageSettled(page);
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("added-to-cart")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("cart-count")).toHaveText("1");
  await page.goto(`${urls.web}/sign-in?next=/cart`);
  await pageSettled(page);
  await page.getByTestId("auth-email").fill(email);
  await page.getByTestId("auth-password").fill(password);
  await page.getByTestId("auth-submit").click();
  await expect(page).toHaveURL(/\/cart$/);
  await expect(page.locator(`[data-testid=cart-line][data-sku="${variant.sku}"]`)).toBeVisible();
  // Only this journey's line is kept: whatever the account cart held before is removed.
  const others = page.locator(`[data-testid=cart-line]:not([data-sku="${variant.sku}"])`);
  for (let left = await others.count(); left > 0; left--) {
    await others.first().getByTestId("line-remove").click();
    await expect(others).toHaveCount(left - 1);
  }
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  const ours = page.getByTestId("cart-line");
  while (Number(await ours.getAttribute("data-quantity")) > 1) {
    const before = await ours.getAttribute("data-quantity");
    await ours.getByTestId("line-decrease").click();
    await expect(ours).not.toHaveAttribute("data-quantity", before!);
  }

  // Pickup, paid in store.
  await page.getByTestId("go-to-checkout").click();
  await expect(page.getByTestId("checkout-email")).toHaveValue(email);
  await page.locator(`[data-testid=pickup-store-option][data-store-id="${storeId}"] input`).check();
  await page.getByTestId("payment-in-store").check();
  await page.getByTestId("checkout-submit").click();
  const orderNumber = (await page.getByTestId("order-number").textContent({ timeout: 30_000 }))!.trim();
  const pickupCode = (await page.getByTestId("pickup-code").getAttribute("data-code"))!;

  // The order is among "my orders".
  await page.goto(`${urls.web}/account`);
  await pageSettled(page);
  await expect(page.locator(`[data-testid=my-order][data-order-number="${orderNumber}"]`)).toBeVisible();
  await snap(page, "web-07-account");

  // Staff prepare it and hand it over.
  const staff = await signedInRequest(
    () => playwrightRequest.newContext(),
    staffAppUrl,
    "admin@example.com",
    "demo-admin",
  );
  await trpcMutation(staff, staffAppUrl, "fulfillment.advance", { orderNumber, to: "picking" });
  await trpcMutation(staff, staffAppUrl, "fulfillment.advance", { orderNumber, to: "ready_for_pickup" });
  await trpcMutation(staff, staffAppUrl, "pickup.collect", { code: pickupCode, payment: { method: "card" } });
  await staff.dispose();

  // The shopper returns it by mail from the order page.
  await page.goto(`${urls.web}/orders/${orderNumber}`);
  await pageSettled(page);
  // While a streamed page settles, Next can hold a hidden second copy of it: judge the visible one.
  await expect(
    page.locator("[data-testid=status-badge][data-status=collected]").filter({ visible: true }).first(),
  ).toBeVisible();
  await page.getByTestId("return-items").click();
  const line = page.getByTestId("eligibility-line").first();
  await expect(line).toHaveAttribute("data-returnable", "1");
  await line.getByTestId("return-quantity").selectOption("1");
  await page.getByTestId("return-reason").selectOption("wrong_size");
  await page.getByTestId("return-mail").check();
  await page.getByTestId("refund-credit").check();
  await snap(page, "web-08-return-form");
  await page.getByTestId("return-submit").click();
  const returnNumber = (await page.getByTestId("return-number").textContent())!.trim();
  await expect(page.getByTestId("return-slip").getByRole("img")).toHaveAttribute("data-qr-value", returnNumber);
  await snap(page, "web-09-return-slip");

  await page.goto(`${urls.web}/returns/${returnNumber}`);

  await pageSettled(page);
  await expect(page.locator("[data-testid=status-badge][data-status=requested]")).toBeVisible();
  await expect(page.getByTestId("order-timeline")).toBeVisible();
});
