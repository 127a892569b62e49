import { expect, kioskDevice1080, phone, snap, test, urls } from "../fixtures";
import { pairKiosk, tapKeys } from "./kiosk-support";

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
    // No two categories share a picture: each card's drawing differs from the other categories'.
    const drawings = new Map<string, string>();
    for (const slug of ["t-shirts", "shirts", "hoodies", "jeans", "jackets", "dresses", "shoes", "underwear"]) {
      await page.goto(`${urls.web}/c/${slug}`);
      const html = await page.getByTestId("product-card").first().locator("svg path").first().getAttribute("d");
      drawings.set(slug, html ?? "");
    }
    expect(new Set(drawings.values()).size).toBe(drawings.size);

    await page.goto(`${urls.web}/c/jeans`);
    await expect(page.getByTestId("product-card").first()).toBeVisible();
    await page.getByText("Filtry").click();
    await expect(page.getByTestId("filter-price-band").first()).toBeAttached();
    await snap(page, "catalogue-shop-category");
    expect(await page.locator("main").innerText()).not.toMatch(english);

    await page.getByTestId("search-input").fill("zolta kurtka");
    await page.getByTestId("search-input").fill("jensy");
    await expect(page.getByTestId("search-result").first()).toContainText(/jeansy/i);
    await snap(page, "catalogue-shop-suggestions");
    await page.getByTestId("search-result").first().click();
    await expect(page.getByTestId("product-title")).toContainText(/jeansy/i);
    await snap(page, "catalogue-shop-product");
    expect(await page.locator("main").innerText()).not.toMatch(english);
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
    await snap(page, "catalogue-kiosk-browse");
    expect(await page.locator("main").innerText()).not.toMatch(english);
  });
});
