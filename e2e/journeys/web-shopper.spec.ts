import { expect, phone, snap, test, urls } from "../fixtures";
import { trpcQuery } from "../trpc";
import { findStockedVariant } from "./web-helpers";

test.use({ ...phone });

test("a phone shopper finds a product by search, picks a size, sees per-store stock and chooses a store", async ({
  page,
  request,
}) => {
  const { product, variant, storeId } = await findStockedVariant(request);
  await page.goto(urls.web);
  const word = product.title.split(" ").slice(0, 2).join(" ");
  // Suggestions are a GET that a CDN may keep, not a server action's POST.
  const suggested = page.waitForResponse((response) => response.url().includes("/api/trpc/catalog.suggest?"));
  await page.getByTestId("search-input").fill(word);
  const result = page.getByTestId("search-result").filter({ hasText: product.title }).first();
  await expect(result).toBeVisible();
  const answer = await suggested;
  expect(answer.request().method()).toBe("GET");
  expect(answer.headers()["cache-control"]).toMatch(/^public, max-age=0, s-maxage=\d+/);
  await snap(page, "web-01-search-dropdown");
  await result.click();
  await expect(page.getByTestId("product-title")).toHaveText(product.title);

  if (variant.options.colour)
    await page
      .locator(`[data-testid=variant-option][data-kind=colour][data-value="${variant.options.colour}"]`)
      .click();
  await page.locator(`[data-testid=variant-option][data-kind=size][data-value="${variant.options.size}"]`).click();
  await expect(
    page.locator(`[data-testid=variant-option][data-kind=size][data-value="${variant.options.size}"]`),
  ).toHaveAttribute("aria-pressed", "true");
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

test("a shopper fills a cart, checks out for pickup and sees the order page with the pickup code", async ({
  page,
  request,
}) => {
  const { product, variant, storeId } = await findStockedVariant(request);
  await page.context().addCookies([{ name: "omni-store", value: storeId, url: urls.web }]);
  await page.goto(`${urls.web}/p/${product.slug}?sku=${encodeURIComponent(variant.sku)}`);
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("added-to-cart")).toBeVisible({ timeout: 30_000 });
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

test("a product's 'bought together' follows the cart: a product added on the way leaves it when the shopper comes back", async ({
  page,
  request,
}) => {
  type Listed = { items: { slug: string; title: string }[] };
  type Product = {
    slug: string;
    title: string;
    variants: { sku: string; options: { size?: string; colour?: string } }[];
  };
  const { product } = await findStockedVariant(request);
  // The shop speaks Polish by default; a guest's list (no cart yet).
  const listed = await trpcQuery<Listed>(request, urls.web, "recommendations.list", {
    slug: product.slug,
    limit: 4,
    locale: "pl",
  });
  // A recommended product with a variant the shop can deliver.
  let other: { product: Product; sku: string } | undefined;
  for (const item of listed.items) {
    const candidate = await trpcQuery<Product>(request, urls.web, "catalog.product", { slug: item.slug, locale: "pl" });
    for (const variant of candidate.variants) {
      const stock = await trpcQuery<{ online: number }>(request, urls.web, "inventory.availability", {
        sku: variant.sku,
      });
      if (stock.online > 0) other = { product: candidate, sku: variant.sku };
    }
    if (other) break;
  }
  expect(other, "a recommended product the shop can deliver").toBeDefined();
  const card = (slug: string) => page.getByTestId("recommendations").locator(`[data-slug="${slug}"]`);

  await page.goto(`${urls.web}/p/${product.slug}`);
  await expect(card(other!.product.slug)).toBeVisible();
  await card(other!.product.slug).click();
  await expect(page.getByTestId("product-title")).toHaveText(other!.product.title);
  const variant = other!.product.variants.find((v) => v.sku === other!.sku)!;
  for (const kind of ["colour", "size"] as const) {
    const value = variant.options[kind];
    const option = page.locator(`[data-testid=variant-option][data-kind=${kind}][data-value="${value}"]`);
    if (value && (await option.count())) await option.click();
  }
  await page.getByTestId("add-to-cart").click();
  await expect(page.getByTestId("added-to-cart")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("cart-count")).toHaveText("1");

  // Back: the router shows the page as it was rendered, and the list reads again without a reload.
  await page.goBack();
  await expect(page.getByTestId("product-title")).toHaveText(product.title);
  await expect(card(other!.product.slug)).toHaveCount(0);
  await snap(page, "web-07-bought-together-after-add");
});
