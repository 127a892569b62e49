import {
  availableAt,
  collectViaApi,
  expect,
  journeyEmail,
  pickVariants,
  placePickupOrderViaApi,
  signInWithApi,
  snap,
  staffApi,
  test,
  urls,
} from "../fixtures";

test.use({ viewport: { width: 1440, height: 900 } });

test("staff find a collected order by its number and open its receipt", async ({ page, request, playwright }) => {
  const candidates = await pickVariants(request, 8, 40);
  const variant = await (async () => {
    for (const v of candidates) if ((await availableAt(request, v.sku, "krakow")) >= 1) return v;
    throw new Error("No variant in stock in Kraków.");
  })();
  const order = await placePickupOrderViaApi(request, {
    storeId: "krakow",
    lines: [{ sku: variant.sku, quantity: 1 }],
    email: journeyEmail("admin-receipt"),
    name: "Receipt Shopper",
  });
  const staff = await staffApi(playwright, "ola@example.com", "demo-staff");

  await signInWithApi(page, urls.admin, "ola@example.com", "demo-staff");
  await page.goto(`${urls.admin}/orders`);
  await page.getByTestId("order-lookup-number").fill(order.orderNumber);
  await page.getByTestId("order-lookup-submit").click();
  await expect(page.getByTestId("order-details")).toBeVisible({ timeout: 30_000 });
  // Not completed yet: no receipt to print.
  await expect(page.getByTestId("receipt-pdf")).toHaveCount(0);

  await collectViaApi(staff, order.orderNumber, order.pickupCode);
  await page.reload();
  await page.getByTestId("order-lookup-number").fill(order.orderNumber);
  await page.getByTestId("order-lookup-submit").click();
  await expect(page.getByTestId("order-vat").first()).toBeVisible({ timeout: 30_000 });
  await snap(page, "admin-orders-receipt");
  const [pdf] = await Promise.all([page.context().waitForEvent("page"), page.getByTestId("receipt-pdf").click()]);
  expect(pdf.url()).toMatch(/^blob:/);
});
