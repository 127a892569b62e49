import type { APIRequestContext } from "@playwright/test";
import { expect, phone, snap, test, urls } from "../fixtures";

type SearchItem = { slug: string; title: string; inStock: boolean };
type Product = { slug: string; title: string; variants: { sku: string; title: string; options: { size?: string; colour?: string } }[] };
type Availability = { online: number; locations: { storeId: string; available: number }[] };

async function query<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`${urls.web}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), `${path} answered ${response.status()}`).toBeTruthy();
  return (await response.json()).result.data.json as T;
}

/**
 * A sized product with a variant that some store has at least `min` of, found through the API
 * rather than assumed from the seed, so the journey survives other journeys' orders.
 */
async function findStockedVariant(request: APIRequestContext, min = 2) {
  let cursor: string | null = null;
  for (let page = 0; page < 10; page++) {
    const result: { items: SearchItem[]; nextCursor: string | null } = await query(request, "catalog.search", { limit: 20, cursor });
    for (const item of result.items.filter((i) => i.inStock)) {
      const product = await query<Product>(request, "catalog.product", { slug: item.slug });
      for (const variant of product.variants.filter((v) => v.options.size)) {
        const stock = await query<Availability>(request, "inventory.availability", { sku: variant.sku });
        const store = [...stock.locations].sort((a, b) => b.available - a.available)[0];
        if (store && store.available >= min) return { product, variant, storeId: store.storeId, available: store.available };
      }
    }
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  throw new Error("No product with stock in a store was found.");
}

test.use({ ...phone });

test("a phone shopper finds a product by search, picks a size, sees per-store stock and chooses a store", async ({ page, request }) => {
  const { product, variant, storeId } = await findStockedVariant(request);
  await page.goto(urls.web);
  const word = product.title.split(" ").slice(0, 2).join(" ");
  await page.getByTestId("search-input").fill(word);
  const result = page.getByTestId("search-result").filter({ hasText: product.title }).first();
  await expect(result).toBeVisible();
  await snap(page, "web-01-search-dropdown");
  await result.click();
  await expect(page.getByTestId("product-title")).toHaveText(product.title);

  if (variant.options.colour) await page.locator(`[data-testid=variant-option][data-kind=colour][data-value="${variant.options.colour}"]`).click();
  await page.locator(`[data-testid=variant-option][data-kind=size][data-value="${variant.options.size}"]`).click();
  await expect(page.locator(`[data-testid=variant-option][data-kind=size][data-value="${variant.options.size}"]`)).toHaveAttribute("aria-pressed", "true");
  await expect(page).toHaveURL(new RegExp(`sku=${encodeURIComponent(variant.sku)}`));

  const availability = page.getByTestId("store-availability");
  await expect(availability).toBeVisible();
  await expect(availability.getByTestId("home-delivery")).toBeVisible();
  const row = availability.locator(`[data-testid=store-availability-row][data-store-id="${storeId}"]`);
  await expect(row).toBeVisible();
  expect(Number(await row.getAttribute("data-available"))).toBeGreaterThan(0);
  await availability.scrollIntoViewIfNeeded();
  await snap(page, "web-02-product-availability");

  await row.getByTestId("choose-store").click();
  // The chosen store is highlighted, moves to the top and is named in the stock line.
  await expect(availability.getByTestId("store-availability-row").first()).toHaveAttribute("data-store-id", storeId);
  await expect(availability.getByTestId("store-availability-row").first()).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("my-store-stock")).toBeVisible();
  await snap(page, "web-03-store-chosen");

  // Remembered: a fresh visit shows the same store first.
  await page.reload();
  await expect(page.getByTestId("store-availability-row").first()).toHaveAttribute("data-store-id", storeId);
});

test("a shopper fills a cart, checks out for pickup and sees the order page with the pickup code", async ({ page, request }) => {
  const { product, variant, storeId } = await findStockedVariant(request);
  await page.context().addCookies([{ name: "omni-store", value: storeId, url: urls.web }]);
  await page.goto(`${urls.web}/p/${product.slug}?sku=${encodeURIComponent(variant.sku)}`);
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("added-to-cart")).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  await page.goto(`${urls.web}/cart`);
  const line = page.getByTestId("cart-line");
  await expect(line).toHaveCount(1);
  await expect(line).toHaveAttribute("data-sku", variant.sku);
  await snap(page, "web-04-cart");

  await page.getByTestId("go-to-checkout").click();
  await page.getByTestId("checkout-name").fill("Ewa Kowalska");
  const email = `web-journey-${Date.now()}@example.com`;
  await page.getByTestId("checkout-email").fill(email);
  await page.getByTestId("fulfillment-pickup").check();
  const option = page.locator(`[data-testid=pickup-store-option][data-store-id="${storeId}"]`);
  await expect(option).toHaveAttribute("data-all-available", "true");
  await option.locator("input").check();
  await page.getByTestId("payment-card").check();
  await page.getByTestId("card-number").fill("4242 4242 4242 4242");
  await snap(page, "web-05-checkout");
  await page.getByTestId("checkout-submit").click();

  await expect(page.getByTestId("order-number")).toBeVisible({ timeout: 30_000 });
  const code = page.getByTestId("pickup-code");
  await expect(code).toBeVisible();
  expect((await code.getAttribute("data-code"))!.length).toBeGreaterThanOrEqual(6);
  await expect(page.getByTestId("pickup-store")).toBeVisible();
  await expect(page.getByTestId("order-timeline")).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("0");
  await snap(page, "web-06-order-page");

  // The page works again from the link for a guest with the e-mail.
  const number = await page.getByTestId("order-number").textContent();
  await page.goto(`${urls.web}/orders/${number}?email=${encodeURIComponent(email)}`);
  await expect(page.getByTestId("pickup-code")).toHaveAttribute("data-code", (await code.getAttribute("data-code"))!);
});
