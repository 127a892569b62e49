import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

import { expect, kioskScreen, phone, test, urls } from "../fixtures";
import { trpcGet } from "../trpc";
import { kioskQuery, pairKiosk } from "./kiosk-support";

/**
 * Accessibility: axe finds no serious or critical violation (WCAG 2.x A/AA rules) on the pages
 * most shoppers see first: the shop on a phone and the paired kiosk on its portrait screen.
 */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
}

type SearchPage = { items: { slug: string }[] };

async function firstProductSlug(page: Page): Promise<string> {
  const response = await trpcGet(page.request, urls.web, "catalog.search", { limit: 1 });
  expect(response.ok()).toBeTruthy();
  const body = await response.json();
  return (body.result.data.json as SearchPage).items[0]!.slug;
}

test.describe("shop on a phone", () => {
  test.use({ ...phone, reducedMotion: "reduce" });

  test("home page", async ({ page }) => {
    await page.goto(urls.web);
    await expect(page.getByTestId("home-category").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("product page", async ({ page }) => {
    const slug = await firstProductSlug(page);
    await page.goto(`${urls.web}/p/${slug}`);
    await expect(page.getByTestId("product-title")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe("paired kiosk at 1080×1920", () => {
  // Contrast is judged at rest: a fade-in caught half way would read as faint text.
  test.use({ ...kioskScreen, reducedMotion: "reduce" });

  test.beforeEach(async ({ context }) => {
    await pairKiosk(context, "krakow");
  });

  test("attract screen", async ({ page }) => {
    await page.goto(urls.kiosk);
    await expect(page.getByTestId("attract-screen")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("browse and search results", async ({ page }) => {
    await page.goto(`${urls.kiosk}/browse?q=crewneck`);
    await expect(page.getByTestId("product-card").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("product page", async ({ page }) => {
    const { items } = await kioskQuery<SearchPage>(page, "catalog.search", { limit: 1 });
    await page.goto(`${urls.kiosk}/product/${items[0]!.slug}`);
    await expect(page.getByTestId("product-page")).toBeVisible();
    await expect(page.getByTestId("in-this-store")).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
