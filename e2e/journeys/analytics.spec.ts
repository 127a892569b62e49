import { expect, signInWithApi, snap, test, urls } from "../fixtures";

test.use({ viewport: { width: 1440, height: 900 } });
// The first dashboard of a fresh database builds the aggregates; a shared machine can be slow.
test.setTimeout(180_000);

/** Numbers of the demo seed's months of trade: the chain for an admin, one store for its manager. */
test("an admin sees the chain's numbers in charts, store by store, and exports them", async ({ page }) => {
  await signInWithApi(page, urls.admin, "admin@example.com", "demo-admin");
  await page.goto(`${urls.admin}/analytics`);
  const loaded = page.getByTestId("analytics-loaded");
  await expect(loaded).toHaveAttribute("data-scope", "chain", { timeout: 30_000 });

  // Non-zero headline numbers computed from the seeded orders.
  const orders = page.getByTestId("kpi-orders").getByTestId("kpi-value");
  expect(Number((await orders.innerText()).replace(/\D/g, ""))).toBeGreaterThan(100);
  await expect(page.getByTestId("kpi-revenue").getByTestId("kpi-value")).not.toHaveText(/^0/);
  await expect(page.getByTestId("kpi-pickupRate").getByTestId("kpi-value")).toHaveText(/\d+([.,]\d)?\s?%/);

  // Real charts: bars of each day, the channel donut, the funnel.
  await expect(page.getByTestId("chart-trend").locator(".recharts-bar-rectangle").first()).toBeVisible();
  expect(await page.getByTestId("chart-trend").locator(".recharts-bar-rectangle").count()).toBeGreaterThan(30);
  expect(await page.getByTestId("chart-mix").locator(".recharts-pie-sector").count()).toBe(3);
  expect(await page.getByTestId("chart-funnel").locator(".recharts-bar-rectangle").count()).toBe(4);
  await page.mouse.move(0, 0);
  await snap(page, "analytics-admin-chain");

  // The store-by-store comparison: the five stores and the warehouse.
  const stores = page.getByTestId("stores-panel");
  await stores.scrollIntoViewIfNeeded();
  await expect(stores.getByTestId("store-row")).toHaveCount(6);
  await snap(page, "analytics-admin-stores");

  // A table leaves as CSV with what the screen shows.
  const download = page.waitForEvent("download");
  await page.getByTestId("csv-stores").click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^stores-chain-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv).toString("utf8");
  expect(text).toContain("store,storeId,orders,revenue");
  expect(text).toContain("Omni Kraków Galeria");
  // The warehouse in the clerk's language (Polish here), as the table names it, not its stored English name.
  expect(text).toMatch(/^Magazyn internetowy,online,/m);
  expect(text).not.toContain("Online warehouse");

  // A longer period and one store.
  await page.getByTestId("period-90").click();
  await page.locator("#analytics-scope").selectOption("krakow");
  await expect(loaded).toHaveAttribute("data-scope", "krakow");
  await expect(page.getByTestId("stores-panel")).toHaveCount(0);
});

test("a manager sees only their store, and the forecast of what to reorder", async ({ page }) => {
  await signInWithApi(page, urls.admin, "max@example.com", "demo-manager");
  await page.goto(`${urls.admin}/analytics`);
  await expect(page.getByTestId("analytics-loaded")).toHaveAttribute("data-scope", "warszawa", { timeout: 30_000 });
  // Only Warszawa to choose: no chain, no other store, no store-by-store comparison.
  await expect(page.getByTestId("analytics-scope").locator("option")).toHaveCount(1);
  await expect(page.getByTestId("stores-panel")).toHaveCount(0);
  const orders = page.getByTestId("kpi-orders").getByTestId("kpi-value");
  expect(Number((await orders.innerText()).replace(/\D/g, ""))).toBeGreaterThan(10);
  expect(await page.getByTestId("chart-trend").locator(".recharts-bar-rectangle").count()).toBeGreaterThan(10);
  await page.mouse.move(0, 0);
  await snap(page, "analytics-manager-warszawa");

  // The server refuses the chain and other stores to a manager, whatever the page shows.
  for (const input of [{}, { storeId: "krakow" }]) {
    const response = await page.request.post(`${urls.admin}/api/trpc/analytics.kpis`, {
      data: { json: { ...input, from: "2026-01-01", to: "2026-01-31" } },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.json.data.code).toBe("FORBIDDEN");
  }

  await page.goto(`${urls.admin}/analytics/forecast`);
  const rows = page.getByTestId("forecast-row");
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  expect(await rows.count()).toBeGreaterThan(10);
  await expect(page.getByTestId("forecast-store").locator("option")).toHaveCount(1);
  await snap(page, "analytics-forecast-warszawa");
});
