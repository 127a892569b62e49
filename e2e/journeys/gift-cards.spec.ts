import type { APIRequestContext } from "@playwright/test";

import { backOfficeScreen, expect, pageSettled, phone, signInWithApi, snap, test, urls } from "../fixtures";
import { trpcQuery } from "../trpc";

/** A SKU priced above 50 zł with a unit on Kraków's shelf, so a 50 zł card pays only part of it. */
async function skuInKrakow(request: APIRequestContext): Promise<{ sku: string; priceMinor: number }> {
  const search = await trpcQuery<{ items: { slug: string; priceMinor: number }[] }>(
    request,
    urls.admin,
    "catalog.search",
    { limit: 40, availableIn: "krakow" },
  );
  for (const item of search.items.filter((i) => i.priceMinor > 5000)) {
    const product = await trpcQuery<{ variants: { sku: string; priceMinor: number }[] }>(
      request,
      urls.admin,
      "catalog.product",
      { slug: item.slug },
    );
    for (const variant of product.variants) {
      if (variant.priceMinor <= 5000) continue;
      const stock = await trpcQuery<{ locations: { available: number }[] }>(
        request,
        urls.admin,
        "inventory.availability",
        {
          sku: variant.sku,
          storeIds: ["krakow"],
        },
      );
      if ((stock.locations[0]?.available ?? 0) >= 1) return variant;
    }
  }
  throw new Error("No SKU above 50 zł in stock in Kraków");
}

test("a gift card bought in the shop on a phone pays part of a sale at the Kraków counter; the shop shows what is left", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const { sku } = await skuInKrakow(request);

  // The shopper buys a 50 zł card on the phone, for someone else, paid by card.
  const phoneContext = await browser.newContext({ ...phone });
  const shopper = await phoneContext.newPage();
  await shopper.goto(`${urls.web}/gift-cards`);
  await pageSettled(shopper);
  await shopper.getByTestId("gift-amount-50").click();
  await shopper.getByTestId("gift-recipient-name").fill("Ewa");
  await shopper.getByTestId("gift-recipient-email").fill(`ewa-${Date.now()}@example.com`);
  await shopper.getByTestId("gift-email").fill(`giver-${Date.now()}@example.com`);
  await shopper.getByTestId("gift-card-number").fill("4242 4242 4242 4242");
  await snap(shopper, "gift-card-buy");
  await shopper.getByTestId("gift-buy").click();
  const issued = shopper.getByTestId("gift-card-issued");
  await expect(issued).toBeVisible({ timeout: 30_000 });
  const code = (await issued.getAttribute("data-code"))!;
  expect(code).toMatch(/^GC-/);
  await expect(shopper.getByTestId("gift-card-code-value")).toHaveText(code);
  await snap(shopper, "gift-card-issued");

  // Ola at the Kraków counter scans the goods and the card; the card terminal takes the rest.
  const adminContext = await browser.newContext({ ...backOfficeScreen });
  const clerk = await adminContext.newPage();
  await signInWithApi(clerk, urls.admin, "ola@example.com", "demo-staff");
  await clerk.goto(`${urls.admin}/counter`);
  await clerk.getByTestId("counter-sku").fill(sku);
  await clerk.getByTestId("counter-sku").press("Enter");
  await expect(clerk.locator(`[data-testid=counter-line][data-sku="${sku}"]`)).toBeVisible({ timeout: 30_000 });
  // A wrong code is said and changes nothing.
  await clerk.getByTestId("gift-card-code").fill("GC-2222-3333-4444-5555");
  await clerk.getByTestId("gift-card-apply").click();
  await expect(clerk.getByTestId("error-message")).toBeVisible();
  await clerk.getByTestId("gift-card-code").fill(code);
  await clerk.getByTestId("gift-card-apply").click();
  await expect(clerk.getByTestId("gift-card-applied")).toContainText(code.slice(-4));
  await expect(clerk.getByTestId("counter-gift-card-line")).toBeVisible();
  await clerk.getByTestId("counter-pay-card").click();
  await snap(clerk, "gift-card-counter");
  await clerk.getByTestId("counter-sell").click();
  await expect(clerk.getByTestId("counter-sold")).toBeVisible({ timeout: 30_000 });
  await expect(clerk.getByTestId("counter-gift-card-paid")).toContainText(/50/);

  // Back on the phone: the card is spent.
  await shopper.goto(`${urls.web}/gift-cards/balance`);
  await pageSettled(shopper);
  await shopper.getByTestId("balance-code").fill(code);
  await shopper.getByTestId("balance-check").click();
  await expect(shopper.getByTestId("balance-amount")).toHaveText(/0[,.]00/);
  await snap(shopper, "gift-card-balance");
  await phoneContext.close();
  await adminContext.close();
});
