import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { cartWith } from "./checkout-fixtures";
import { callerFor } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

/** A black item Kraków has plenty of, whose Polish name differs from its English one. */
const [item] = await t.sql<{ sku: string; productId: string; title: string; titlePl: string; variant: string }[]>`
  select v.sku, p.id as "productId", p.title, p.title_pl as "titlePl", v.title as variant
  from variants v join products p on p.id = v.product_id join stock_levels sl on sl.sku = v.sku
  where sl.location_id = 'krakow' and sl.on_hand - sl.held - sl.safety_stock >= 5 and p.active and v.active
    and p.title_pl <> p.title and v.options->>'colour' = 'Black' and v.options ? 'size'
  order by v.sku limit 1`;

async function placeIn(locale: "pl" | "en") {
  const guest = await callerFor(t.db, "anonymous");
  const cartId = await cartWith(guest, [{ sku: item!.sku, quantity: 1 }]);
  const email = `titles-${locale}@example.com`;
  const placed = await guest.checkout.placeOrder({
    cartId,
    email,
    name: "Ola Nowak",
    locale,
    fulfillment: { type: "pickup", storeId: "krakow" },
    payment: { method: "pay_in_store" },
    idempotencyKey: `titles-${locale}-${cartId}`,
  });
  return { guest, email, orderNumber: placed.orderNumber };
}

describe("an order line's title", () => {
  it("is kept in Polish and English as sold, and the confirmation speaks the shopper's language", async () => {
    expect(item).toBeDefined();
    const pl = await placeIn("pl");
    const en = await placeIn("en");
    const polishTitle = `${item!.titlePl} – Czarny / ${item!.variant.split(" / ").pop()}`;
    const englishTitle = `${item!.title} – ${item!.variant}`;

    const order = await pl.guest.orders.get({ orderNumber: pl.orderNumber, email: pl.email });
    expect(order.lines[0]).toMatchObject({ title: englishTitle, titlePl: polishTitle });

    const bodies = await t.sql<{ to: string; body: string }[]>`
      select "to", body from outbox where template = 'order_placed' and "to" in (${pl.email}, ${en.email})`;
    const bodyOf = (email: string) => bodies.find((b) => b.to === email)!.body;
    expect(bodyOf(pl.email)).toContain(polishTitle);
    expect(bodyOf(pl.email)).not.toContain(englishTitle);
    expect(bodyOf(en.email)).toContain(englishTitle);

    // The order is a record of the sale: renaming the product afterwards does not rewrite it.
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    await admin.products.update({
      productId: item!.productId,
      titlePl: "Zupełnie nowa nazwa",
      title: "Brand new name",
    });
    const later = await pl.guest.orders.get({ orderNumber: pl.orderNumber, email: pl.email });
    expect(later.lines[0]).toMatchObject({ title: englishTitle, titlePl: polishTitle });
    // Staff lists (the pickup board) carry both, so a clerk reads the line in the admin's language.
    const board = await admin.fulfillment.queue({ storeId: "krakow" });
    expect(board.find((o) => o.orderNumber === pl.orderNumber)?.lines[0]).toMatchObject({
      title: englishTitle,
      titlePl: polishTitle,
    });
  });
});
