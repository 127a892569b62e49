import type { Browser, Page } from "@playwright/test";

import {
  availableAt,
  backOfficeScreen,
  expect,
  journeyEmail,
  kioskDevice1080,
  pageSettled,
  phone,
  pickVariants,
  signInWithApi,
  snap,
  staffApi,
  test,
  urls,
  type PickedVariant,
} from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";

test.use({ ...phone });

/** At the Kraków kiosk: the product page, "reserve here", name and e-mail typed in; returns the code shown. */
async function reserveAtKiosk(browser: Browser, variant: PickedVariant, email: string, shot: string): Promise<string> {
  const context = await browser.newContext({ ...kioskDevice1080 });
  await context.addCookies([
    { name: "omni-kiosk-device", value: "dev-kiosk-krakow", url: urls.kiosk, httpOnly: true, sameSite: "Strict" },
  ]);
  const kiosk: Page = await context.newPage();
  // Nothing is chosen for the shopper at the kiosk: the link names the variant, as the phone's QR code does.
  await kiosk.goto(`${urls.kiosk}/product/${variant.slug}?sku=${encodeURIComponent(variant.sku)}`);
  await expect(kiosk.getByTestId("variant-picker")).toHaveAttribute("data-sku", variant.sku);
  await expect(kiosk.getByTestId("in-this-store")).not.toHaveAttribute("data-available", "0");
  await kiosk.getByTestId("reserve-here").tap();
  await expect(kiosk.getByTestId("reserve-screen")).toBeVisible();
  await kiosk.getByTestId("reserve-name").fill("Rita Rezerwująca");
  await kiosk.getByTestId("reserve-email").fill(email);
  await kiosk.getByTestId("reserve-submit").tap();
  await expect(kiosk.getByTestId("reservation-confirmation")).toBeVisible();
  const code = (await kiosk.getByTestId("reservation-code").getAttribute("data-code"))!;
  expect(code.length).toBeGreaterThanOrEqual(6);
  await snap(kiosk, shot);
  await context.close();
  return code;
}

async function knownStock(playwright: Parameters<typeof staffApi>[0], sku: string) {
  const admin = await staffApi(playwright, "admin@example.com", "demo-admin");
  await trpcMutation(admin, urls.admin, "inventory.setOnHand", {
    storeId: "krakow",
    sku,
    onHand: 5,
    reason: "e2e reservation journey: known stock",
  });
  await admin.dispose();
}

test("reserved at the Kraków kiosk, cancelled on the phone: the hold is released", async ({
  page: shop,
  browser,
  playwright,
  request,
}) => {
  const [variant] = await pickVariants(request, 1, 20);
  await knownStock(playwright, variant!.sku);
  const email = journeyEmail("cross-reservation-cancel");
  const before = await availableAt(request, variant!.sku, "krakow");

  const code = await reserveAtKiosk(browser, variant!, email, "cross-reservation-kiosk-reserved");
  expect(await availableAt(request, variant!.sku, "krakow")).toBe(before - 1);

  // The shopper opens the reservation from the confirmation e-mail's link on the phone and cancels it.
  await shop.goto(`${urls.web}/reservations/${encodeURIComponent(code)}?email=${encodeURIComponent(email)}`);
  await pageSettled(shop);
  await expect(shop.getByTestId("reservation-code")).toHaveAttribute("data-code", code);
  await expect(shop.getByTestId("status-badge").first()).toHaveAttribute("data-status", "active");
  await shop.getByTestId("reservation-cancel").click();
  await shop.getByTestId("reservation-cancel-confirm").click();
  await expect(shop.getByTestId("status-badge").first()).toHaveAttribute("data-status", "cancelled");
  await expect(shop.getByTestId("reservation-cancel")).toHaveCount(0);
  await snap(shop, "cross-reservation-phone-cancelled");

  const reservation = await trpcQuery<{ status: string }>(request, urls.web, "reservations.get", { code, email });
  expect(reservation.status).toBe("cancelled");
  expect(await availableAt(request, variant!.sku, "krakow")).toBe(before);
});

test("reserved at the Kraków kiosk, sold at the counter in the back office: an order of the store channel", async ({
  browser,
  playwright,
  request,
}) => {
  const [variant] = await pickVariants(request, 1, 21);
  await knownStock(playwright, variant!.sku);
  const email = journeyEmail("cross-reservation-sell");
  const code = await reserveAtKiosk(browser, variant!, email, "cross-reservation-kiosk-reserved-again");

  const adminContext = await browser.newContext({ ...backOfficeScreen });
  const clerk = await adminContext.newPage();
  await signInWithApi(clerk, urls.admin, "ola@example.com", "demo-staff");
  await clerk.goto(`${urls.admin}/reservations`);
  await expect(clerk.getByTestId(`reservation-row-${code}`)).toBeVisible();
  await clerk.getByTestId("reservation-code-input").fill(code);
  await clerk.getByTestId("reservation-find").click();
  const detail = clerk.getByTestId("reservation-detail");
  await expect(detail).toContainText(code);
  await expect(clerk.getByTestId(`reservation-line-${variant!.sku}`)).toBeChecked();
  const fulfilled = clerk.waitForResponse(
    (r) => r.url().includes("reservations.fulfil") && r.request().method() === "POST",
  );
  await clerk.getByTestId("reservation-fulfil").click();
  const answer = await (await fulfilled).json();
  const orderNumber: string = (Array.isArray(answer) ? answer[0] : answer).result.data.json.orderNumber;
  await expect(clerk.getByTestId("reservation-sold")).toContainText(orderNumber);
  await snap(clerk, "cross-reservation-admin-sold");

  // The sale is an order of the store channel with the reserved line; the reservation is fulfilled.
  const order = await trpcQuery<{ channel: string; lines: { sku: string; quantity: number }[] }>(
    request,
    urls.web,
    "orders.get",
    { orderNumber, email },
  );
  expect(order.channel).toBe("store");
  expect(order.lines).toEqual([expect.objectContaining({ sku: variant!.sku, quantity: 1 })]);
  expect((await trpcQuery<{ status: string }>(request, urls.web, "reservations.get", { code, email })).status).toBe(
    "fulfilled",
  );
  await adminContext.close();
});
