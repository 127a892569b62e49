import { expect, snap, test, urls } from "../fixtures";
import { trpcQuery } from "../trpc";

/** The shop API answering availability: the web app when the journey runs against it, else the admin app (same router). */
const shopApi = process.env.OMNI_E2E_WEB ? urls.web : urls.admin;

test.use({ viewport: { width: 1440, height: 900 } });

test("a manager counts stock in the back office and the shop sees the new availability", async ({ page, request }) => {
  // A product sold in Warsaw; its first variant is the one counted.
  const search = await trpcQuery<{ items: { slug: string }[] }>(request, urls.admin, "catalog.search", {
    query: "Linen",
    limit: 5,
  });
  const product = await trpcQuery<{ variants: { sku: string }[] }>(request, urls.admin, "catalog.product", {
    slug: search.items[0]!.slug,
  });
  const sku = product.variants[0]!.sku;

  // Signing in: a wrong password is refused in words, the right one opens the back office.
  await page.goto(`${urls.admin}/stock`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByTestId("sign-in-email").fill(`nobody-${Date.now()}@example.com`);
  await page.getByTestId("sign-in-password").fill("wrong-password");
  await page.getByTestId("sign-in-submit").click();
  await expect(page.getByTestId("sign-in-error")).toBeVisible();
  await page.getByTestId("sign-in-email").fill("max@example.com");
  await page.getByTestId("sign-in-password").fill("demo-manager");
  await page.getByTestId("sign-in-submit").click();
  await expect(page).toHaveURL(/\/stock$/);
  await expect(page.getByTestId("store-switcher")).toHaveValue("warszawa");
  // A manager of one store cannot switch to another.
  await expect(page.getByTestId("store-switcher").locator("option")).toHaveCount(1);

  await page.getByTestId("cycle-count-sku").fill(sku);
  await expect(page.getByTestId("movement-history")).toBeVisible();
  const before = Number(await page.getByTestId("available-here").getAttribute("data-available"));
  const counted = before + 4;
  const reason = `Cycle count e2e ${Date.now()}`;
  await page.getByTestId("cycle-count-onhand").fill(String(counted));
  await page.getByTestId("cycle-count-reason").fill(reason);
  await snap(page, "admin-stock-cycle-count");
  await page.getByTestId("cycle-count-submit").click();
  await expect(page.getByTestId("stock-saved")).toBeVisible();

  // The movement is in the ledger: who, why, and on hand before → after.
  const movement = page.getByTestId("movement-row").first();
  await expect(movement).toHaveAttribute("data-reason", "cycle_count");
  await expect(movement).toHaveAttribute("data-on-hand-after", String(counted));
  await expect(movement).toContainText(reason);
  await expect(movement).toContainText("max@example.com");
  await expect(page.getByTestId("available-here")).not.toHaveAttribute("data-available", String(before));
  const shown = Number(await page.getByTestId("available-here").getAttribute("data-available"));
  await snap(page, "admin-stock-movement");

  // The shop promises what the shelf now holds (less what is held for open orders and reservations).
  const availability = await trpcQuery<{ locations: { storeId: string; available: number }[] }>(
    request,
    shopApi,
    "inventory.availability",
    { sku, storeIds: ["warszawa"] },
  );
  expect(availability.locations.find((l) => l.storeId === "warszawa")?.available).toBe(shown);
  expect(shown).toBeLessThanOrEqual(counted);
  expect(shown).toBeGreaterThan(before);
});

test("a customer account sees 'staff only' in the back office", async ({ page }) => {
  await page.goto(`${urls.admin}/sign-in`);
  await page.getByTestId("sign-in-email").fill("ada@example.com");
  await page.getByTestId("sign-in-password").fill("demo-shopper");
  await page.getByTestId("sign-in-submit").click();
  await expect(page.getByTestId("staff-only")).toBeVisible();
});
