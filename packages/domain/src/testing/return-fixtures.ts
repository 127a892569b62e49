import { and, eq, sql } from "drizzle-orm";

import {
  categories,
  orderEvents,
  orderLines,
  orders,
  payments,
  products,
  users,
  variants,
  type Channel,
  type Database,
  type OrderStatus,
} from "@omni/db";

import { nextOrderNumber, randomCode } from "../kernel";

/**
 * Test-only: writes an order straight into the tables in any state (collected weeks ago, declined
 * lines, an order-level discount, paid by card or in the store), so that return tests do not
 * depend on checkout and pickup. The card charge carries a test-provider reference, so refunds
 * through the test provider succeed.
 */
export type ReturnFixtureOrder = {
  id: string;
  number: string;
  email: string;
  totalMinor: number;
  paidMinor: number;
  lines: { id: string; sku: string; title: string; quantity: number; unitPriceMinor: number }[];
};

export async function insertOrderForReturns(
  db: Database,
  input: {
    lines: { sku: string; quantity: number; unitPriceMinor?: number; declinedQuantity?: number }[];
    locationId?: string;
    fulfillment?: "pickup" | "delivery";
    channel?: Channel;
    status?: OrderStatus;
    /** When the order was collected or delivered; defaults to now for a completed status. */
    completedAt?: Date | null;
    email?: string;
    /** The e-mail of a seeded account that owns the order. */
    ownerEmail?: string;
    discountMinor?: number;
    payment?: "card" | "pay_in_store";
  },
): Promise<ReturnFixtureOrder> {
  const status = input.status ?? "collected";
  const completed = status === "collected" || status === "delivered";
  const completedAt = input.completedAt === undefined ? (completed ? new Date() : null) : input.completedAt;
  const payment = input.payment ?? "card";
  return db.transaction(async (tx) => {
    const owner = input.ownerEmail
      ? (await tx.select().from(users).where(eq(users.email, input.ownerEmail)))[0]
      : undefined;
    const email = input.email ?? owner?.email ?? `guest-${randomCode(6).toLowerCase()}@example.com`;
    const priced = [];
    for (const line of input.lines) {
      const [variant] = await tx.select().from(variants).where(eq(variants.sku, line.sku));
      if (!variant) throw new Error(`No variant ${line.sku}`);
      priced.push({
        ...line,
        title: variant.title,
        unitPriceMinor: line.unitPriceMinor ?? variant.priceMinor,
        declinedQuantity: line.declinedQuantity ?? 0,
      });
    }
    const subtotal = priced.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
    const discount = input.discountMinor ?? 0;
    const total = subtotal - discount;
    // What was actually taken: declined units are refunded (card) or never paid (in store).
    const declinedValue = priced.reduce((sum, l) => sum + l.declinedQuantity * l.unitPriceMinor, 0);
    const paymentRef = payment === "card" ? `ch_test_${randomCode(12).toLowerCase()}` : null;
    const paid =
      payment === "card"
        ? total
        : completed
          ? Math.max(0, total - Math.round((declinedValue * total) / Math.max(1, subtotal)))
          : 0;
    const [order] = await tx
      .insert(orders)
      .values({
        number: await nextOrderNumber(tx),
        channel: input.channel ?? "web",
        status,
        fulfillmentType: input.fulfillment ?? "pickup",
        locationId: input.locationId ?? "krakow",
        address:
          input.fulfillment === "delivery"
            ? { line1: "ul. Testowa 1", city: "Łódź", postalCode: "90-001", country: "PL" }
            : null,
        userId: owner?.id ?? null,
        email,
        name: "Return Tester",
        subtotalMinor: subtotal,
        discountMinor: discount,
        totalMinor: total,
        paymentMethod: payment,
        paymentRef,
        paidMinor: paid,
        completedAt,
        createdAt: completedAt ? new Date(completedAt.getTime() - 2 * 86_400_000) : new Date(),
      })
      .returning();
    const lines = await tx
      .insert(orderLines)
      .values(
        priced.map((l) => ({
          orderId: order!.id,
          sku: l.sku,
          title: l.title,
          quantity: l.quantity,
          unitPriceMinor: l.unitPriceMinor,
          declinedQuantity: l.declinedQuantity,
        })),
      )
      .returning();
    if (paymentRef) {
      await tx
        .insert(payments)
        .values({ orderId: order!.id, provider: "test", kind: "charge", amountMinor: total, providerRef: paymentRef });
      // Declined units were refunded at the counter, as pickup does.
      const declineRefund = Math.round((declinedValue * total) / Math.max(1, subtotal));
      if (declineRefund > 0) {
        await tx.insert(payments).values({
          orderId: order!.id,
          provider: "test",
          kind: "refund",
          amountMinor: declineRefund,
          providerRef: `re_test_${randomCode(8).toLowerCase()}`,
        });
      }
    }
    await tx.insert(orderEvents).values({
      orderId: order!.id,
      type: "placed",
      toStatus: "placed",
      channel: order!.channel,
      at: order!.createdAt,
    });
    if (completedAt) {
      await tx.insert(orderEvents).values({
        orderId: order!.id,
        type: status,
        fromStatus: "placed",
        toStatus: status,
        channel: "store",
        at: completedAt,
      });
    }
    return {
      id: order!.id,
      number: order!.number,
      email,
      totalMinor: total,
      paidMinor: paid,
      lines: lines.map((l) => ({
        id: l.id,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
      })),
    };
  });
}

/** Active SKUs that may be returned (`finalSale: false`) or may not (`true`), cheapest first for stable sums. */
export async function returnableSkus(
  db: Database,
  options: { finalSale?: boolean; count?: number } = {},
): Promise<string[]> {
  const rows = await db
    .select({ sku: variants.sku })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .innerJoin(categories, eq(categories.slug, products.categorySlug))
    .where(
      and(
        eq(categories.finalSale, options.finalSale ?? false),
        eq(variants.active, true),
        sql`${variants.priceMinor} > 0`,
      ),
    )
    .orderBy(variants.sku)
    .limit(options.count ?? 3);
  return rows.map((r) => r.sku);
}

/** On hand of a SKU at a location (0 when never stocked there). */
export async function onHandAt(db: Database, locationId: string, sku: string): Promise<number> {
  const [row] = await db.execute<{ on_hand: number }>(
    sql`select on_hand from stock_levels where location_id = ${locationId} and sku = ${sku}`,
  );
  return row?.on_hand ?? 0;
}
