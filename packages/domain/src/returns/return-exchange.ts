import { eq } from "drizzle-orm";

import { orders, returns, type ExchangeLine, type Tx } from "@omni/db";

import { polishLineTitles, priceSkus } from "../catalog";
import { endHolds, ONLINE_LOCATION, reserveStock } from "../inventory";
import { badRequest, conflict, DomainError, type Actor } from "../kernel";
import { earnForOrder } from "../loyalty";
import { createOrder, type OrderRow } from "../orders";

/**
 * The replacement goods of an exchange, priced now with the same pricing function as every channel.
 * An unknown or withdrawn SKU is refused before anything is written.
 */
export async function priceExchange(tx: Tx, wanted: { sku: string; quantity: number }[]): Promise<ExchangeLine[]> {
  const seen = new Set<string>();
  for (const line of wanted) {
    if (seen.has(line.sku))
      throw badRequest("List each replacement once, with its quantity.", {
        reason: "exchange_line_repeated",
        field: "exchange",
      });
    seen.add(line.sku);
  }
  const prices = await priceSkus(
    tx,
    wanted.map((l) => l.sku),
  );
  const polish = await polishLineTitles(
    tx,
    wanted.map((l) => l.sku),
  );
  return wanted.map((line) => {
    const price = prices.get(line.sku);
    if (!price)
      throw badRequest(`${line.sku} is not something we sell. Choose another replacement.`, {
        reason: "exchange_sku_unknown",
        sku: line.sku,
      });
    return {
      sku: line.sku,
      title: `${price.productTitle} – ${price.title}`,
      titlePl: polish.get(line.sku) ?? null,
      quantity: line.quantity,
      unitPriceMinor: price.priceMinor,
      vatRate: 23,
    };
  });
}

export const exchangeWorth = (lines: ExchangeLine[] | null) =>
  (lines ?? []).reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);

/**
 * A received exchange: the replacement becomes an order of channel `store`. In a store it leaves that
 * store's shelf at once and is collected; by mail it is held at the warehouse and shipped to the
 * original order's address. The returned goods pay for it (as credit from the return); a dearer
 * replacement's difference was paid at the counter.
 */
export async function issueExchange(
  tx: Tx,
  actor: Actor,
  input: {
    ret: typeof returns.$inferSelect;
    original: OrderRow;
    storeId: string;
    atCounter: boolean;
  },
): Promise<OrderRow | null> {
  const lines = input.ret.exchange;
  if (!lines?.length) return null;
  const worth = exchangeWorth(lines);
  const due = input.ret.amountDueMinor;
  const locationId = input.atCounter ? input.storeId : ONLINE_LOCATION;
  const order = await createOrder(tx, actor, {
    order: {
      channel: "store",
      fulfillmentType: input.atCounter ? "pickup" : "delivery",
      deliveryMethod: input.atCounter ? null : "courier",
      locationId,
      address: input.atCounter ? null : input.original.address,
      userId: input.original.userId,
      email: input.original.email,
      name: input.original.name,
      phone: input.original.phone,
      currency: input.original.currency,
      subtotalMinor: worth,
      totalMinor: worth,
      storeCreditMinor: worth - due,
      paidMinor: due,
      paymentMethod: due > 0 ? "pay_in_store" : "store_credit",
    },
    lines: lines.map(({ sku, title, quantity, unitPriceMinor, vatRate }) => ({
      sku,
      title,
      quantity,
      unitPriceMinor,
      vatRate,
    })),
    soldAtCounter: input.atCounter,
    data: { exchangeFor: input.ret.number },
  });
  for (const line of [...lines].sort((a, b) => (a.sku < b.sku ? -1 : 1))) {
    try {
      await reserveStock(tx, {
        locationId,
        sku: line.sku,
        quantity: line.quantity,
        kind: "order",
        ownerId: order.id,
        actor,
      });
    } catch (error) {
      if (error instanceof DomainError && error.code === "CONFLICT")
        throw conflict(`${line.title} (${line.sku}) is not in stock here for the exchange.`, {
          reason: "exchange_out_of_stock",
          item: line.title,
          sku: line.sku,
        });
      throw error;
    }
  }
  if (input.atCounter) {
    await endHolds(tx, {
      ownerId: order.id,
      mode: "consume",
      reason: "order_fulfilled",
      actor,
      note: `Exchange for return ${input.ret.number}`,
    });
    await earnForOrder(tx, actor, order);
  }
  await tx.update(returns).set({ exchangeOrderId: order.id }).where(eq(returns.id, input.ret.id));
  return order;
}

/** The number of the order an exchange left as. */
export async function exchangeOrderNumber(tx: Pick<Tx, "select">, orderId: string | null): Promise<string | undefined> {
  if (!orderId) return undefined;
  const [order] = await tx.select({ number: orders.number }).from(orders).where(eq(orders.id, orderId));
  return order?.number;
}
