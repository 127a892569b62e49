import type { APIRequestContext, Locator, Page } from "@playwright/test";

import { expect, pageSettled, urls } from "../fixtures";
import { trpcQuery } from "../trpc";

/** Helpers of the web journeys: they read what they need through the API instead of assuming seed numbers. */

type SearchItem = { slug: string; title: string; inStock: boolean };
type Product = {
  slug: string;
  title: string;
  variants: { sku: string; title: string; options: { size?: string; colour?: string } }[];
};
type Availability = { online: number; locations: { storeId: string; available: number }[] };

/**
 * A sized product with a variant that some store has at least `min` of, found through the API
 * rather than assumed from the seed, so the journey survives other journeys' orders.
 */
export async function findStockedVariant(request: APIRequestContext, min = 2) {
  let cursor: string | null = null;
  for (let page = 0; page < 10; page++) {
    const result: { items: SearchItem[]; nextCursor: string | null } = await trpcQuery(
      request,
      urls.web,
      "catalog.search",
      {
        limit: 20,
        cursor,
      },
    );
    for (const item of result.items.filter((i) => i.inStock)) {
      // The shop speaks Polish by default: the journeys compare what it shows with the Polish content.
      const product = await trpcQuery<Product>(request, urls.web, "catalog.product", { slug: item.slug, locale: "pl" });
      for (const variant of product.variants.filter((v) => v.options.size)) {
        const stock = await trpcQuery<Availability>(request, urls.web, "inventory.availability", { sku: variant.sku });
        const store = [...stock.locations].sort((a, b) => b.available - a.available)[0];
        if (store && store.available >= min)
          return { product, variant, storeId: store.storeId, available: store.available };
      }
    }
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  throw new Error("No product with stock in a store was found.");
}

/** A request context signed in on an app through its next-auth credentials provider. */
export async function signedInRequest(
  newContext: () => Promise<APIRequestContext>,
  appUrl: string,
  email: string,
  password: string,
) {
  const request = await newContext();
  const csrf = await (await request.get(`${appUrl}/api/auth/csrf`)).json();
  const response = await request.post(`${appUrl}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email, password, redirect: "false", callbackUrl: appUrl },
  });
  expect(response.ok()).toBeTruthy();
  return request;
}

/** Staff procedures may live on the admin app alone; when only the shop runs, the shop serves them. */
export const staffAppUrl = process.env.OMNI_E2E_ADMIN ?? urls.web;

// ---- The shopper's steps on the phone that journeys through other channels start with ----

/** Opens a variant's product page and waits until all of it has streamed in. */
export async function openProductPage(shop: Page, variant: { slug: string; sku: string }) {
  await shop.goto(`${urls.web}/p/${variant.slug}?sku=${encodeURIComponent(variant.sku)}`);
  await pageSettled(shop);
}

/** Adds the variant of the open product page to the cart. */
export async function addToCart(shop: Page) {
  await shop.getByTestId("add-to-cart").filter({ visible: true }).click();
  await expect(shop.getByTestId("added-to-cart")).toBeVisible({ timeout: 30_000 });
}

/** Puts one of each variant into the cart from its product page, then opens the cart. */
export async function fillCart(shop: Page, variants: { slug: string; sku: string }[]) {
  for (const variant of variants) {
    await openProductPage(shop, variant);
    await addToCart(shop);
  }
  await shop.getByTestId("cart-link").click();
  await pageSettled(shop);
}

/** At the checkout, click-and-collect at the store: its option, for the journey to look at what it promises. */
export async function chooseStorePickup(shop: Page, storeId: string): Promise<Locator> {
  await shop.getByTestId("fulfillment-pickup").check();
  const option = shop.locator(`[data-testid=pickup-store-option][data-store-id="${storeId}"]`);
  await option.locator("input").check();
  return option;
}

/** Pays by the test card and places the order: the confirmation's order number and pickup code. */
export async function payByTestCard(shop: Page) {
  await shop.getByTestId("payment-card").check();
  await shop.getByTestId("card-number").fill("4242 4242 4242 4242");
  await shop.getByTestId("checkout-submit").click();
  const orderNumber = (await shop.getByTestId("order-number").textContent({ timeout: 30_000 }))!.trim();
  const pickupCode = (await shop.getByTestId("pickup-code").getAttribute("data-code"))!;
  return { orderNumber, pickupCode };
}
