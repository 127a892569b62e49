import type { APIRequestContext } from "@playwright/test";

import { expect, phone, snap, staffApi, test, urls } from "../fixtures";
import { pdfText } from "../pdf-text";
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

test("a shopper asks for an invoice and opens the PDF", async ({ page, request, playwright }) => {
  const { product, variant } = await deliverableVariant(request);
  const email = `invoice-${Date.now()}@example.com`;
  await page.goto(`${urls.web}/p/${product.slug}?sku=${encodeURIComponent(variant.sku)}`);
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("added-to-cart")).toBeVisible({ timeout: 30_000 });
  await page.goto(`${urls.web}/checkout`);
  await page.getByTestId("checkout-name").fill("Jan Fakturowy");
  await page.getByTestId("checkout-email").fill(email);
  await page.getByTestId("fulfillment-delivery").check();
  await page.getByTestId("address-line1").fill("Floriańska 1");
  await page.getByTestId("address-postal").fill("31-019");
  await page.getByTestId("address-city").fill("Kraków");
  await page.getByTestId("want-invoice").check();
  await page.getByTestId("invoice-company").fill("Firma Testowa sp. z o.o.");
  // A tax number whose checksum fails is said in the shop's language (Polish by default) before any call.
  await page.getByTestId("invoice-nip").fill("123-456-32-19");
  await page.getByTestId("payment-card").check();
  await page.getByTestId("card-number").fill("4000 0000 0000 0002");
  await page.getByTestId("checkout-submit").click();
  await expect(page.getByRole("alert").filter({ hasText: /NIP/ })).toContainText("nieprawidłowy");
  // A declined card is said in Polish too, and changes nothing.
  await page.getByTestId("invoice-nip").fill("123-456-32-18");
  await page.getByTestId("checkout-submit").click();
  await expect(page.getByRole("alert").filter({ hasText: "Karta została odrzucona" })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByTestId("card-number").fill("4242 4242 4242 4242");
  await snap(page, "web-payments-03-invoice");
  await page.getByTestId("checkout-submit").click();
  await expect(page.getByTestId("order-number")).toBeVisible({ timeout: 30_000 });
  const orderNumber = (await page.getByTestId("order-number").textContent())!.trim();
  // No receipt before the goods arrive.
  await expect(page.getByTestId("receipt-pdf")).toHaveCount(0);

  const admin = await staffApi(playwright, "admin@example.com", "demo-admin");
  await trpcMutation(admin, urls.admin, "fulfillment.ship", { orderNumber });
  await trpcMutation(admin, urls.admin, "fulfillment.deliver", { orderNumber });
  await page.reload();
  const link = page.getByTestId("receipt-pdf");
  await expect(link).toHaveText(/Faktura/);
  await snap(page, "web-payments-04-invoice-link");
  // What the link opens: the invoice PDF, naming the seller, the buyer's NIP and the rate letters.
  const pdf = await page.request.get(new URL((await link.getAttribute("href"))!, urls.web).toString());
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toContain(`invoice-${orderNumber}.pdf`);
  const text = pdfText(await pdf.body());
  expect(text).toContain(`FV/${orderNumber}`);
  expect(text).toContain("NIP: 5260001246"); // the seller
  expect(text).toContain("NIP: 1234563218"); // the buyer
  expect(text).toContain("Firma Testowa sp. z o.o.");
  expect(text).toMatch(/A 23%/);
});
