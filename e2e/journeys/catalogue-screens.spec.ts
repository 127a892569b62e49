import { createHash } from "node:crypto";

import type { Page } from "@playwright/test";

import { expect, kioskDevice1080, phone, snap, test, urls } from "../fixtures";
import { pairKiosk, tapKeys } from "./kiosk-support";

/** Waits until the pictures on the screen have loaded (next/image loads the others lazily, later). */
async function picturesShown(page: Page) {
  await page.waitForFunction(() =>
    [...document.images]
      .filter((i) => i.getBoundingClientRect().top < window.innerHeight)
      .every((i) => i.complete && i.naturalWidth > 0),
  );
}

/** Words of the demo's English content that must not reach a Polish page. */
const english =
  /\b(Classic|Relaxed|Hoodie|Sweatshirt|Jeans|Trousers|Jacket|Coat|Dress|Skirt|Shoes|Sneakers|Backpack|Socks|Winter accessories|Black|White|Navy|Grey)\b/;

test.describe("the catalogue in Polish on a phone", () => {
  test.use(phone);

  test("home, a category with facet counts, a search that forgives, a product", async ({ page }) => {
    await page.goto(urls.web);
    await expect(page.getByTestId("home-category").first()).toBeVisible();
    await snap(page, "catalogue-shop-home");
    expect(await page.locator("main").innerText()).not.toMatch(english);
    // The cards show the platform's stored pictures (next/image from /api/images, cached for a year), and no two
    // categories share one: the first card's picture of each category differs, byte for byte, from the others'.
    const pictures = new Map<string, string>();
    for (const slug of ["t-shirts", "shirts", "hoodies", "jeans", "jackets", "dresses", "shoes", "underwear"]) {
      await page.goto(`${urls.web}/c/${slug}`);
      const img = page.getByTestId("product-card").first().locator("img");
      await expect(img).toHaveAttribute("src", /\/api\/images\/[0-9a-f-]+\?w=\d+/);
      const src = (await img.getAttribute("src"))!;
      const response = await page.request.get(new URL(src.replace(/\?w=\d+/, "?w=160"), urls.web).toString());
      expect(response.headers()["cache-control"]).toContain("immutable");
      pictures.set(
        slug,
        createHash("sha1")
          .update(await response.body())
          .digest("hex"),
      );
    }
    expect(new Set(pictures.values()).size).toBe(pictures.size);

    await page.goto(`${urls.web}/c/jeans`);
    await expect(page.getByTestId("product-card").first()).toBeVisible();
    await page.getByTestId("product-card").first().scrollIntoViewIfNeeded();
    await picturesShown(page);
    await snap(page, "catalogue-shop-category");
    await page.getByText("Filtry").click();
    await expect(page.getByTestId("filter-price-band").first()).toBeAttached();
    await snap(page, "catalogue-shop-category-filters");
    expect(await page.locator("main").innerText()).not.toMatch(english);

    await page.getByTestId("search-input").fill("zolta kurtka");
    await page.getByTestId("search-input").fill("jensy");
    await expect(page.getByTestId("search-result").first()).toContainText(/jeansy/i);
    await snap(page, "catalogue-shop-suggestions");
    await page.getByTestId("search-result").first().click();
    await expect(page.getByTestId("product-title")).toContainText(/jeansy/i);
    // No size is chosen for the shopper; the picture is the first colour's.
    await expect(page.getByTestId("choose-size")).toBeVisible();
    await expect(page.locator('[data-kind="size"][aria-pressed="true"]')).toHaveCount(0);
    await expect(page.getByTestId("add-to-cart")).toHaveCount(0);
    await picturesShown(page);
    await snap(page, "catalogue-shop-product");
    expect(await page.locator("main").innerText()).not.toMatch(english);
    // The picture follows the colour.
    const colours = page.locator('[data-kind="colour"]');
    if ((await colours.count()) > 1) {
      const picture = page.getByTestId("product-gallery").locator("img").first();
      const before = await picture.getAttribute("src");
      await colours.nth(1).click();
      await expect(picture).not.toHaveAttribute("src", before!);
    }
    await page.locator('[data-kind="size"]:not([data-sold-out])').first().click();
    await expect(page.getByTestId("choose-size")).toHaveCount(0);
    await expect(page.getByTestId("add-to-cart")).toBeVisible();
    await snap(page, "catalogue-shop-product-size-chosen");
  });
});

test.describe("the kiosk browses with facets", () => {
  test.use(kioskDevice1080);

  test("search by touch, facet counts, in stock here", async ({ page, context }) => {
    await pairKiosk(context, "krakow");
    await page.goto(`${urls.kiosk}/browse`);
    await page.getByTestId("kiosk-search").tap();
    await tapKeys(page, "bluza");
    await page.getByTestId("osk-key-enter").tap();
    await expect(page.getByTestId("product-card").first()).toBeVisible();
    await expect(page.getByTestId("kiosk-facets")).toBeVisible();
    await expect(page.getByTestId("facet-here")).toContainText(/\(\d+\)/);
    await expect(page.getByTestId("product-card").first().locator("img")).toHaveAttribute("src", /\/api\/images\//);
    await picturesShown(page);
    await snap(page, "catalogue-kiosk-browse");
    expect(await page.locator("main").innerText()).not.toMatch(english);

    // The product: no size chosen, sizes this store lacks marked, the picture of the chosen colour.
    await page.getByTestId("product-card").first().tap();
    await expect(page.getByTestId("choose-size")).toBeVisible();
    await expect(page.getByTestId("variant-picker")).toHaveAttribute("data-sku", "");
    await expect(page.getByTestId("add-to-cart")).toHaveCount(0);
    await picturesShown(page);
    await snap(page, "catalogue-kiosk-product");
    expect(await page.locator("main").innerText()).not.toMatch(english);
    // A size this store lacks can still be chosen: delivered home or collected in another store.
    await page.locator('[data-testid^="option-size-"]').first().tap();
    await expect(page.getByTestId("add-to-cart")).toBeVisible();
    await snap(page, "catalogue-kiosk-product-size-chosen");
  });
});
