import {
  expect,
  kioskDevice1080,
  moneyPattern,
  pageSettled,
  phone,
  pickVariants,
  signInWithApi,
  snap,
  test,
  urls,
} from "../fixtures";
import { trpcQuery } from "../trpc";

test.use({ viewport: { width: 1440, height: 900 } });

test("a promotion created in the back office changes the price at once in the shop, at the kiosk and in the cart", async ({
  page: admin,
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  // A product without a running promotion: its price is its list price.
  const candidates = await pickVariants(request, 6, 40);
  const variant = candidates.find((v) => v.priceMinor === v.listPriceMinor && v.priceMinor >= 1000);
  if (!variant) throw new Error("No product without a promotion among the candidates.");
  const expected = variant.priceMinor - Math.round((variant.priceMinor * 20) / 100);

  // The shop shows the list price before.
  const shopContext = await browser.newContext({ ...phone });
  const shop = await shopContext.newPage();
  await shop.goto(`${urls.web}/p/${variant.slug}?sku=${encodeURIComponent(variant.sku)}`);
  await pageSettled(shop);
  const shopPrice = shop.getByTestId("price").first();
  await expect(shopPrice).toContainText(moneyPattern(variant.priceMinor));
  await expect(shopPrice.locator("s")).toHaveCount(0);

  // The admin creates a 20 % promotion on that product, starting now.
  await signInWithApi(admin, urls.admin, "admin@example.com", "demo-admin");
  const staffProducts = await trpcQuery<{ items: { id: string; slug: string }[] }>(
    admin.request,
    urls.admin,
    "products.list",
    { query: variant.title, limit: 20, offset: 0 },
  );
  const productId = staffProducts.items.find((p) => p.slug === variant.slug)?.id;
  expect(productId, "the product is found in the back office").toBeTruthy();
  await admin.goto(`${urls.admin}/promotions`);
  const form = admin.getByTestId("promotion-form");
  const name = `E2E −20% ${variant.title} ${Date.now()}`;
  await form.getByTestId("promotion-name").fill(name);
  await form.getByTestId("promotion-kind").selectOption("percent");
  await form.getByTestId("promotion-value").fill("20");
  await form.getByTestId("promotion-target").selectOption("product");
  // The clerk reads Polish: the picker names products by their Polish titles, in the order of those words
  // (Ł after L), as admin's product list does; not by the English titles in English order.
  const productSelect = form.getByTestId("promotion-product");
  type Listed = { items: { id: string; title: string; titlePl: string }[] };
  const inPolish = (list: Listed) => list.items.map((p) => p.titlePl || p.title);
  const first = await trpcQuery<Listed>(admin.request, urls.admin, "products.list", {
    locale: "pl",
    limit: 20,
    offset: 0,
  });
  await expect(productSelect.locator("option")).toHaveText(["—", ...inPolish(first)]);
  await form.getByRole("searchbox").fill(variant.title);
  const found = await trpcQuery<Listed>(admin.request, urls.admin, "products.list", {
    query: variant.title,
    locale: "pl",
    limit: 20,
    offset: 0,
  });
  const chosen = found.items.find((p) => p.id === productId);
  expect(chosen?.titlePl, "the product has a Polish title").toBeTruthy();
  await expect(productSelect.locator(`option[value="${productId}"]`)).toHaveText(chosen!.titlePl);
  await productSelect.selectOption(productId!);
  await snap(admin, "cross-promotion-admin-product-picker");
  await form.getByTestId("promotion-submit").click();
  await expect(form.getByRole("status")).toBeVisible();
  await expect(admin.getByTestId("promotion-row").filter({ hasText: name })).toHaveAttribute("data-state", "running");
  await snap(admin, "cross-promotion-admin-created");

  // The contract's price already carries it.
  const product = await trpcQuery<{ variants: { sku: string; priceMinor: number }[] }>(
    request,
    urls.web,
    "catalog.product",
    { slug: variant.slug },
  );
  expect(product.variants.find((v) => v.sku === variant.sku)?.priceMinor).toBe(expected);

  // Shop product page: the new price, the list price struck through.
  await shop.reload();
  await pageSettled(shop);
  await expect(shopPrice).toContainText(moneyPattern(expected));
  await expect(shopPrice.locator("s")).toContainText(moneyPattern(variant.priceMinor));
  await snap(shop, "cross-promotion-shop-product");

  // Kiosk product page: the same.
  const kioskContext = await browser.newContext({ ...kioskDevice1080 });
  await kioskContext.addCookies([
    { name: "omni-kiosk-device", value: "dev-kiosk-krakow", url: urls.kiosk, httpOnly: true, sameSite: "Strict" },
  ]);
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(`${urls.kiosk}/product/${variant.slug}`);
  const kioskPrice = kiosk.getByTestId("product-page").getByTestId("price").first();
  await expect(kioskPrice).toContainText(moneyPattern(expected));
  await expect(kioskPrice.locator("s")).toContainText(moneyPattern(variant.priceMinor));
  await snap(kiosk, "cross-promotion-kiosk-product");

  // The cart prices the line at the promotion price.
  await shop.getByTestId("add-to-cart").filter({ visible: true }).click();
  await expect(shop.getByTestId("added-to-cart")).toBeVisible();
  await shop.getByTestId("cart-link").click();
  await pageSettled(shop);
  const line = shop.locator(`[data-testid=cart-line][data-sku="${variant.sku}"]`);
  await expect(line).toContainText(moneyPattern(expected));
  await expect(shop.getByTestId("cart-total")).toContainText(moneyPattern(expected));
  await snap(shop, "cross-promotion-shop-cart");

  await kioskContext.close();
  await shopContext.close();
});
