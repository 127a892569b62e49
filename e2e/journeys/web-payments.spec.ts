import type { APIRequestContext } from "@playwright/test";

import { expect, phone, snap, staffApi, test, urls } from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";

const query = <T>(request: APIRequestContext, path: string, input: unknown) =>
  trpcQuery<T>(request, urls.web, path, input);

test.use({ ...phone });

type SearchItem = { slug: string; inStock: boolean };
type Product = { slug: string; variants: { sku: string }[] };
type Availability = { online: number };

/** A variant the warehouse can deliver, found through the API. */
async function deliverableVariant(request: APIRequestContext) {
  const { items } = await query<{ items: SearchItem[] }>(request, "catalog.search", { limit: 40 });
  for (const item of items.filter((i: SearchItem) => i.inStock)) {
    const product = await query<Product>(request, "catalog.product", { slug: item.slug });
    for (const variant of product.variants) {
      const stock = await query<Availability>(request, "inventory.availability", { sku: variant.sku });
      if (stock.online >= 2) return { product, variant };
    }
  }
  throw new Error("No variant the warehouse can deliver.");
}

test("a guest orders to a parcel locker paying by BLIK and sees the tracking", async ({
  page,
  request,
  playwright,
}) => {
  const { product, variant } = await deliverableVariant(request);
  const email = `locker-${Date.now()}@example.com`;
  await page.goto(`${urls.web}/p/${product.slug}?sku=${encodeURIComponent(variant.sku)}`);
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("added-to-cart")).toBeVisible({ timeout: 30_000 });
  await page.goto(`${urls.web}/checkout`);
  await page.getByTestId("checkout-name").fill("Ewa Paczkowska");
  await page.getByTestId("checkout-email").fill(email);
  await page.getByTestId("fulfillment-locker").check();
  await page.getByTestId("locker-postal").fill("31-019");
  const locker = page.getByTestId("locker-option").first();
  await expect(locker).toContainText("Kraków");
  await locker.click();
  await page.getByTestId("payment-blik").check();
  // A code the bank refuses (as an expired one) is said in words and changes nothing.
  await page.getByTestId("blik-code").fill("123456");
  await page.getByTestId("checkout-submit").click();
  // The shop speaks Polish: the refusal is worded from its catalogue, not in the server's English.
  await expect(page.getByRole("alert").filter({ hasText: /Ten kod BLIK został odrzucony/ })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByTestId("blik-code").fill("777123");
  await snap(page, "web-payments-01-locker-blik");
  await page.getByTestId("checkout-submit").click();
  await expect(page.getByTestId("order-number")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("order-vat").first()).toBeVisible();
  const orderNumber = (await page.getByTestId("order-number").textContent())!.trim();

  const admin = await staffApi(playwright, "admin@example.com", "demo-admin");
  await trpcMutation(admin, urls.admin, "fulfillment.ship", { orderNumber });
  await page.reload();
  await expect(page.getByTestId("tracking-number")).toHaveText(/^\d{24}$/);
  await snap(page, "web-payments-02-tracking");
});
