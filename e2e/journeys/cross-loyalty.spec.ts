import type { APIRequestContext } from "@playwright/test";

import { expect, pageSettled, phone, signInWithApi, snap, test, urls } from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";

/** Two SKUs of different products with at least two units on Kraków's shelf. */
async function twoSkusInKrakow(request: APIRequestContext): Promise<string[]> {
  const search = await trpcQuery<{ items: { slug: string }[] }>(request, urls.admin, "catalog.search", {
    limit: 40,
    availableIn: "krakow",
  });
  const skus: string[] = [];
  for (const item of search.items) {
    const product = await trpcQuery<{ variants: { sku: string }[] }>(request, urls.admin, "catalog.product", {
      slug: item.slug,
    });
    for (const variant of product.variants) {
      const stock = await trpcQuery<{ locations: { storeId: string; available: number }[] }>(
        request,
        urls.admin,
        "inventory.availability",
        { sku: variant.sku, storeIds: ["krakow"] },
      );
      if ((stock.locations[0]?.available ?? 0) >= 2) {
        skus.push(variant.sku);
        break;
      }
    }
    if (skus.length === 2) return skus;
  }
  throw new Error("No two SKUs in stock in Kraków");
}

test("a clerk in Kraków sells two items to a member by scanning the card, one taken now and one sent home, by card; the member sees the points on the phone", async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const email = `member-${Date.now()}@example.com`;
  const password = "loyal-member";
  await trpcMutation(request, urls.web, "account.signUp", { email, password, name: "Marta Member" });
  const [takeNow, sendHome] = await twoSkusInKrakow(request);

  // The member opens the account on the phone: no points yet, and a member card to show.
  const phoneContext = await browser.newContext({ ...phone });
  const member = await phoneContext.newPage();
  await signInWithApi(member, urls.web, email, password);
  await member.goto(`${urls.web}/account`);
  await pageSettled(member);
  await expect(member.getByTestId("loyalty-points").first()).toHaveAttribute("data-points", "0");
  const card = (await member.getByTestId("member-card").first().getAttribute("data-card"))!;
  expect(card).toMatch(/^OMNI-M:/);

  // Ola at the Kraków counter, on the back office's touch screen.
  const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, hasTouch: true });
  const clerk = await adminContext.newPage();
  await signInWithApi(clerk, urls.admin, "ola@example.com", "demo-staff");
  await clerk.goto(`${urls.admin}/counter`);

  const sell = async (sku: string, handover: "take_now" | "delivery") => {
    await clerk.getByTestId("counter-sku").fill(sku);
    await clerk.getByTestId("counter-sku").press("Enter");
    await expect(clerk.locator(`[data-testid=counter-line][data-sku="${sku}"]`)).toBeVisible({ timeout: 30_000 });
    // This store's stock of the scanned SKU, and the others'.
    await expect(clerk.getByTestId("counter-stock-here")).not.toHaveAttribute("data-available", "0");
    // The scanner reads the member card into the member field.
    await clerk.getByTestId("counter-member-input").fill(card);
    await clerk.getByTestId("counter-member-find").click();
    await expect(clerk.getByTestId("counter-member-found")).toContainText(email);
    await clerk.getByTestId(`counter-handover-${handover}`).click();
    if (handover === "delivery") {
      await clerk.getByTestId("counter-address-line1").fill("ul. Floriańska 1");
      await clerk.getByTestId("counter-address-postalCode").fill("31-019");
      await clerk.getByTestId("counter-address-city").fill("Kraków");
    }
    await clerk.getByTestId("counter-pay-card").click();
    await snap(clerk, `counter-${handover}-before`);
    await clerk.getByTestId("counter-sell").click();
    await expect(clerk.getByTestId("counter-sold")).toBeVisible({ timeout: 30_000 });
    const orderNumber = (await clerk.getByTestId("counter-order-number").textContent())!.trim();
    await snap(clerk, `counter-${handover}-sold`);
    return orderNumber;
  };

  const taken = await sell(takeNow, "take_now");
  const earned = Number((await clerk.getByTestId("counter-points-earned").textContent())!.replace(/\D/g, ""));
  expect(earned).toBeGreaterThan(50);
  await clerk.getByTestId("counter-next").click();
  const sent = await sell(sendHome, "delivery");
  expect(sent).not.toBe(taken);

  // The member sees the points on the phone: earned for the sale taken now and the store's bonus;
  // the parcel's points are pending until it is delivered.
  await member.reload();
  await pageSettled(member);
  await expect(member.getByTestId("loyalty-points").first()).toHaveAttribute("data-points", String(earned));
  await expect(member.getByTestId("loyalty-pending")).toBeVisible();
  await expect(member.locator("[data-testid=loyalty-event][data-type=bonus]")).toHaveCount(1);
  await expect(member.locator("[data-testid=loyalty-event][data-type=earned]")).toHaveCount(1);
  await snap(member, "member-points-on-phone");

  // The same ledger through the API the kiosk uses.
  const summary = await trpcQuery<{ points: number }>(member.request, urls.web, "loyalty.get", undefined);
  expect(summary.points).toBe(earned);
  await phoneContext.close();
  await adminContext.close();
});
