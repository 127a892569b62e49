import type { Page } from "@playwright/test";

import { expect, kioskScreen, moneyPattern, snap, staffApi, test, urls } from "../fixtures";
import { trpcMutation } from "../trpc";
import { chooseVariant, kioskQuery, pairKiosk } from "./kiosk-support";

test.use(kioskScreen);

type Product = { slug: string; variants: { sku: string; options: Record<string, string>; priceMinor: number }[] };
type Availability = { online: number; locations: { storeId: string; available: number }[] };

/**
 * The endless aisle's case: a variant this store does not have but the warehouse can deliver, under the
 * free-delivery threshold so that the fee shows. Falls back to any deliverable variant under it.
 */
async function deliverableOnly(page: Page, storeId: string) {
  const { items } = await kioskQuery<{ items: { slug: string; inStock: boolean }[] }>(
    page,
    "catalog.search",
    { limit: 30 },
    storeId,
  );
  let fallback: (Product["variants"][number] & { slug: string }) | null = null;
  for (const item of items.filter((i) => i.inStock)) {
    const product = await kioskQuery<Product>(page, "catalog.product", { slug: item.slug }, storeId);
    for (const variant of product.variants.filter((v) => v.priceMinor < 19_900)) {
      const stock = await kioskQuery<Availability>(page, "inventory.availability", { sku: variant.sku }, storeId);
      if (stock.online < 2) continue;
      const here = stock.locations.find((l) => l.storeId === storeId)?.available ?? 0;
      if (here === 0) return { slug: product.slug, ...variant };
      fallback ??= { slug: product.slug, ...variant };
    }
  }
  if (fallback) return fallback;
  throw new Error("No variant the warehouse can deliver.");
}

test("the kiosk sells to home delivery with the fee shown", async ({ page, context, playwright }) => {
  await pairKiosk(context, "krakow");
  const variant = await deliverableOnly(page, "krakow");
  await chooseVariant(page, variant);
  await page.getByTestId("add-to-cart").tap();
  await page.getByTestId("go-to-cart").tap();
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await page.getByTestId("checkout").tap();

  // The fee is on the choice itself, before the shopper picks it, and again with the total once picked.
  const delivery = page.getByTestId("fulfilment-delivery");
  await expect(delivery).toContainText(moneyPattern(1499));
  await expect(page.getByTestId("fulfilment-locker")).toContainText(moneyPattern(999));
  await delivery.tap();
  await expect(page.getByTestId("delivery-fee-amount")).toHaveText(moneyPattern(1499));
  await expect(page.getByTestId("delivery-total")).toHaveText(moneyPattern(variant.priceMinor + 1499));
  // Delivery is paid now or on delivery, never at this store's counter.
  await expect(page.getByTestId("payment-pay_in_store")).toHaveCount(0);
  await expect(page.getByTestId("payment-cash_on_delivery")).toBeVisible();

  const email = `kiosk-delivery-${Date.now()}@example.com`;
  await page.getByTestId("checkout-name").fill("Kiosk Courier");
  await page.getByTestId("checkout-email").fill(email);
  await page.getByTestId("checkout-line1").fill("Długa 5");
  await page.getByTestId("checkout-postal-code").fill("31-147");
  await page.getByTestId("checkout-city").fill("Kraków");
  await page.getByTestId("payment-blik").tap();
  // A refused (or expired) BLIK code is said in the kiosk's language, and nothing is ordered.
  await page.getByTestId("checkout-blik").fill("123456");
  await page.getByTestId("place-order").tap();
  await expect(page.getByRole("alert").filter({ hasText: "Ten kod BLIK został odrzucony lub wygasł" })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByTestId("checkout-blik").fill("777123");
  await snap(page, "kiosk-delivery-01-fee");
  await page.getByTestId("place-order").tap();

  await expect(page.getByTestId("order-confirmation")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("placed-shipping")).toContainText(moneyPattern(1499));
  const orderNumber = (await page.getByTestId("order-number").textContent())!.trim();
  await snap(page, "kiosk-delivery-02-confirmation");

  // Staff ship it; the shopper follows the parcel at the kiosk, and gets the receipt once delivered.
  const admin = await staffApi(playwright, "admin@example.com", "demo-admin");
  await trpcMutation(admin, urls.admin, "fulfillment.ship", { orderNumber });
  await page.getByTestId("track-order").tap();
  await expect(page.getByTestId("tracking-number")).toHaveText(/^\d{24}$/, { timeout: 30_000 });
  await expect(page.getByTestId("order-shipping")).toHaveText(moneyPattern(1499));
  await expect(page.getByTestId("order-vat").first()).toBeVisible();
  await expect(page.getByTestId("receipt-pdf")).toHaveCount(0);
  await snap(page, "kiosk-delivery-03-tracking");

  await trpcMutation(admin, urls.admin, "fulfillment.deliver", { orderNumber });
  await page.reload();
  await page.getByTestId("receipt-pdf").tap();
  const frame = page.getByTestId("receipt-frame");
  await expect(frame).toBeVisible();
  await snap(page, "kiosk-delivery-04-receipt");
  const pdf = await page.request.get(new URL((await frame.getAttribute("src"))!, urls.kiosk).toString());
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  // The kiosk shows it inside its own screen: this one path may be framed by the kiosk's pages, and only by them.
  expect(pdf.headers()["x-frame-options"]).toBe("SAMEORIGIN");
  expect(pdf.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
  await expect(page.getByTestId("tracking-status")).toHaveText("Doręczona");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
});
