import type { Browser, BrowserContext, Page } from "@playwright/test";

import { kioskDevice, kioskDevice1080, urls } from "../fixtures";
import { trpcQuery } from "../trpc";

/** Pairs the kiosk app the way the development pairing form does: the device token in the http-only cookie. */
export async function pairKiosk(context: BrowserContext, storeId = "krakow") {
  await context.addCookies([
    { name: "omni-kiosk-device", value: `dev-kiosk-${storeId}`, url: urls.kiosk, httpOnly: true, sameSite: "Strict" },
  ]);
}

/** A kiosk page at 1080x1920 in a browser context of its own, paired with the store. */
export async function kioskPage(browser: Browser, storeId = "krakow"): Promise<Page> {
  const context = await browser.newContext({ ...kioskDevice1080 });
  await pairKiosk(context, storeId);
  return context.newPage();
}

/** Types on the on-screen keyboard, one tap per character. */
export async function tapKeys(page: Page, text: string) {
  for (const char of text.toLowerCase()) {
    await page.getByTestId(char === " " ? "osk-key-space" : `osk-key-${char}`).tap();
  }
}

/** A query of the shared router through the kiosk app, as the device of `storeId`. */
export function kioskQuery<T>(page: Page, path: string, input: unknown, storeId = "krakow"): Promise<T> {
  return trpcQuery<T>(page.request, urls.kiosk, path, input, kioskDevice(storeId));
}

type Product = { slug: string; variants: { sku: string; options: Record<string, string> }[] };
type Availability = { locations: { storeId: string; available: number }[] };

/** A product with a variant that this store has at least `min` of, to order or reserve at the kiosk. */
export async function variantInStock(page: Page, storeId: string, min = 2) {
  const { items } = await kioskQuery<{ items: { slug: string }[] }>(
    page,
    "catalog.search",
    { availableIn: storeId, limit: 10 },
    storeId,
  );
  for (const item of items) {
    const product = await kioskQuery<Product>(page, "catalog.product", { slug: item.slug }, storeId);
    for (const variant of product.variants) {
      const availability = await kioskQuery<Availability>(
        page,
        "inventory.availability",
        { sku: variant.sku },
        storeId,
      );
      if ((availability.locations.find((l) => l.storeId === storeId)?.available ?? 0) >= min)
        return { slug: product.slug, ...variant };
    }
  }
  throw new Error(`No variant with ${min} in stock at ${storeId}`);
}

/** Opens a product at the kiosk and taps its options until the wanted variant is chosen. */
export async function chooseVariant(
  page: Page,
  variant: { slug: string; sku: string; options: Record<string, string> },
) {
  await page.goto(`${urls.kiosk}/product/${variant.slug}`);
  for (const [name, value] of Object.entries(variant.options)) {
    const option = page.getByTestId(`option-${name}-${value}`);
    if (await option.count()) await option.tap();
  }
  await page
    .locator(`[data-testid="variant-picker"][data-sku="${variant.sku}"], [data-testid="variant-${variant.sku}"]`)
    .first()
    .waitFor();
}
