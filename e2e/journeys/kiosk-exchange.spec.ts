import type { APIRequestContext } from "@playwright/test";

import {
  availableAt,
  collectViaApi,
  expect,
  journeyEmail,
  kioskScreen,
  placePickupOrderViaApi,
  snap,
  staffApi,
  test,
  urls,
} from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";
import { pairKiosk } from "./kiosk-support";

test.use(kioskScreen);

type Variant = { sku: string; priceMinor: number; options: Record<string, string> };

/** Two sizes of one colour of a returnable product, at one price: the pair a shopper swaps at the kiosk. */
async function twoSizes(request: APIRequestContext) {
  const { items } = await trpcQuery<{ items: { slug: string }[] }>(request, urls.kiosk, "catalog.search", {
    availableIn: "krakow",
    limit: 40,
  });
  for (const item of items) {
    const product = await trpcQuery<{ slug: string; finalSale: boolean; variants: Variant[] }>(
      request,
      urls.kiosk,
      "catalog.product",
      { slug: item.slug },
    );
    if (product.finalSale) continue;
    for (const a of product.variants)
      for (const b of product.variants)
        if (
          a.sku !== b.sku &&
          a.options.size &&
          b.options.size &&
          a.options.size !== b.options.size &&
          a.options.colour === b.options.colour &&
          a.priceMinor === b.priceMinor
        )
          return { slug: product.slug, a, b };
  }
  throw new Error("No product with two sizes of one colour at one price");
}

test("an exchange of a size at the kiosk: the counter receives it, the replacement order exists and Kraków's stock moved", async ({
  page,
  context,
  playwright,
  request,
}) => {
  test.setTimeout(120_000);
  const ola = await staffApi(playwright, "ola@example.com", "demo-staff");
  const admin = await staffApi(playwright, "admin@example.com", "demo-admin");
  const { a, b } = await twoSizes(request);
  for (const sku of [a.sku, b.sku])
    await trpcMutation(admin, urls.admin, "inventory.setOnHand", {
      storeId: "krakow",
      sku,
      onHand: 10,
      reason: "e2e kiosk exchange: known stock",
    });
  const email = journeyEmail("kiosk-exchange");
  const placed = await placePickupOrderViaApi(request, {
    storeId: "krakow",
    lines: [{ sku: a.sku, quantity: 1 }],
    email,
    name: "Wanda Wymiana",
  });
  const collected = await collectViaApi(ola, placed.orderNumber, placed.pickupCode);
  const lineId = collected.lines[0]!.lineId;

  // At the Kraków kiosk: the order, the line, "wrong size", an exchange.
  await pairKiosk(context, "krakow");
  await page.goto(`${urls.kiosk}/returns`);
  await page.getByTestId("return-order-number").fill(placed.orderNumber);
  await page.getByTestId("return-email").fill(email);
  await page.getByTestId("return-find").tap();
  await expect(page.getByTestId("eligibility-line")).toHaveCount(1);
  await expect(page.getByTestId("return-quantity")).toHaveText("1");
  await page.getByTestId("return-reason-wrong_size").tap();
  await page.getByTestId("return-kind-exchange").tap();
  // Nothing can be confirmed before the replacement is chosen.
  await expect(page.getByTestId("create-return")).toBeDisabled();
  await page.getByTestId("choose-replacement").tap();

  // The same product, another size: its stock on this shelf is shown; the returned size cannot be chosen.
  await expect(page.getByTestId("exchange-picker")).toBeVisible();
  await expect(page.getByTestId("variant-picker")).toHaveAttribute("data-sku", a.sku);
  await expect(page.getByTestId("exchange-choose")).toBeDisabled();
  await page.getByTestId(`option-size-${b.options.size}`).tap();
  await expect(page.getByTestId("variant-picker")).toHaveAttribute("data-sku", b.sku);
  await expect(page.getByTestId("exchange-stock")).toHaveAttribute("data-available", "10");
  await snap(page, "kiosk-exchange-picker");
  await page.getByTestId("exchange-choose").tap();

  // Back on the return: the swap and the difference (the same price: nothing to pay, nothing back).
  await expect(page.getByTestId("replacement")).toHaveAttribute("data-sku", b.sku);
  await expect(page.getByTestId("return-quote")).toHaveAttribute("data-due-minor", "0");
  await expect(page.getByTestId("return-quote")).toHaveAttribute("data-refund-minor", "0");
  await snap(page, "kiosk-exchange-summary");
  await page.getByTestId("create-return").tap();
  await expect(page.getByTestId("return-confirmation")).toBeVisible();
  await expect(page.getByTestId("exchange-summary")).toContainText(b.options.size!);
  await expect(page.getByTestId("exchange-waiting")).toBeVisible();
  const returnNumber = (await page.getByTestId("return-number").textContent())!.trim();
  await snap(page, "kiosk-exchange-hand-in");

  // Ola receives the items at the Kraków counter.
  const before = { a: await availableAt(request, a.sku, "krakow"), b: await availableAt(request, b.sku, "krakow") };
  const received = await trpcMutation<{ status: string; exchangeOrderNumber?: string; refundMinor: number }>(
    ola,
    urls.admin,
    "returns.receive",
    { returnNumber, storeId: "krakow", lines: [{ lineId, condition: "resellable" }] },
  );
  expect(received).toMatchObject({ refundMinor: 0 });
  expect(received.exchangeOrderNumber).toBeTruthy();

  // The kiosk, still showing the return, names the exchange order.
  await expect(page.getByTestId("exchange-order-number")).toHaveText(received.exchangeOrderNumber!, {
    timeout: 15_000,
  });
  await snap(page, "kiosk-exchange-order");

  // The replacement order exists, handed over in Kraków; the new size left the shelf, the returned one came back.
  const replacement = await trpcQuery<{ channel: string; status: string; lines: { sku: string; quantity: number }[] }>(
    ola,
    urls.admin,
    "orders.get",
    { orderNumber: received.exchangeOrderNumber, email },
  );
  expect(replacement).toMatchObject({ channel: "store", status: "collected", lines: [{ sku: b.sku, quantity: 1 }] });
  expect(await availableAt(request, b.sku, "krakow")).toBe(before.b - 1);
  expect(await availableAt(request, a.sku, "krakow")).toBe(before.a + 1);

  // Its receipt is one tap away on the kiosk.
  await page.getByTestId("exchange-receipt").tap();
  await expect(page.getByText(received.exchangeOrderNumber!).first()).toBeVisible();
  await ola.dispose();
  await admin.dispose();
});
