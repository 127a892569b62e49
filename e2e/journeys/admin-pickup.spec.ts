import type { APIRequestContext } from "@playwright/test";

import { expect, kioskDevice, signInWithApi, snap, test, urls } from "../fixtures";
import { trpcMutation, trpcPost, trpcQuery } from "../trpc";

test.use({ viewport: { width: 1440, height: 900 } });

/** Two variants with stock in Warsaw, for an order of two lines. */
async function twoSkusInWarsaw(request: APIRequestContext): Promise<string[]> {
  const search = await trpcQuery<{ items: { slug: string }[] }>(request, urls.admin, "catalog.search", {
    limit: 30,
    availableIn: "warszawa",
    sort: "newest",
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
        { sku: variant.sku, storeIds: ["warszawa"] },
      );
      if ((stock.locations[0]?.available ?? 0) >= 2) {
        skus.push(variant.sku);
        break;
      }
    }
    if (skus.length === 2) return skus;
  }
  throw new Error("No two SKUs in stock in Warsaw");
}

test("a clerk picks a click-and-collect order and hands it over with one line declined", async ({ page, request }) => {
  const [kept, declined] = await twoSkusInWarsaw(request);
  const { cartId } = await trpcMutation<{ cartId: string }>(request, urls.admin, "cart.create", undefined);
  await trpcMutation(request, urls.admin, "cart.setQuantity", { cartId, sku: kept, quantity: 1 });
  await trpcMutation(request, urls.admin, "cart.setQuantity", { cartId, sku: declined, quantity: 1 });
  const email = `admin-journey-${Date.now()}@example.com`;
  const order = await trpcMutation<{ orderNumber: string; pickupCode: string }>(
    request,
    urls.admin,
    "checkout.placeOrder",
    {
      cartId,
      email,
      name: "Journey Shopper",
      fulfillment: { type: "pickup", storeId: "warszawa" },
      payment: { method: "card", token: "tok_ok" },
      idempotencyKey: `admin-journey-${Date.now()}`,
    },
  );

  await signInWithApi(page, urls.admin, "max@example.com", "demo-manager");
  await page.goto(`${urls.admin}/pickup`);
  const card = page.getByTestId(`queue-order-${order.orderNumber}`);
  await expect(card).toHaveAttribute("data-status", "placed");
  await card.getByTestId("advance-picking").click();
  await expect(card).toHaveAttribute("data-status", "picking");
  await card.getByTestId("advance-ready").click();
  await expect(card).toHaveAttribute("data-status", "ready_for_pickup");

  // The shopper says they are here at the kiosk: the card stands out.
  const kiosk = await trpcPost(
    request,
    urls.kiosk,
    "pickup.checkIn",
    { code: order.pickupCode },
    kioskDevice("warszawa"),
  );
  expect(kiosk.ok()).toBe(true);
  await expect(card).toHaveAttribute("data-checked-in", "true", { timeout: 15_000 });
  await snap(page, "admin-pickup-queue");

  // The board finds the order by the shopper's name, and its card opens the handover of that order.
  await page.getByTestId("queue-search").fill("journey shopper");
  await expect(card).toBeVisible();
  await page.getByTestId("queue-search").fill("no such shopper anywhere");
  await expect(card).toBeHidden();
  await page.getByTestId("queue-search").fill(order.orderNumber);
  await card.getByTestId("open-handover").click();
  await expect(page.getByTestId("collect-expected")).toContainText(order.orderNumber);
  await page.getByTestId("collect-code-input").fill(order.pickupCode);
  await page.getByTestId("collect-find").click();
  const details = await trpcQuery<{ lines: { lineId: string; sku: string }[] }>(request, urls.admin, "orders.get", {
    orderNumber: order.orderNumber,
    email,
  });
  const declinedLine = details.lines.find((l) => l.sku === declined)!;
  await page.getByTestId(`decline-line-${declinedLine.lineId}`).check();
  await snap(page, "admin-pickup-collect");
  await page.getByTestId("collect-submit").click();
  await expect(page.getByTestId("collect-confirmation")).toContainText(order.orderNumber);
  await expect(page.getByTestId("declined-summary")).toBeVisible();
  await snap(page, "admin-pickup-collected");

  const after = await trpcQuery<{ status: string; lines: { lineId: string; declinedQuantity: number }[] }>(
    request,
    urls.admin,
    "orders.get",
    { orderNumber: order.orderNumber, email },
  );
  expect(after.status).toBe("collected");
  expect(after.lines.find((l) => l.lineId === declinedLine.lineId)?.declinedQuantity).toBe(1);
});
