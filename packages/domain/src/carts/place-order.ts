import { asc, eq, sql } from "drizzle-orm";

import {
  cartLines,
  carts,
  locations,
  orders,
  products,
  variants,
  type Address,
  type Database,
  type Tx,
} from "@omni/db";

import { priceCart, type PricedLine } from "../catalog";
import { ONLINE_LOCATION, reserveStock } from "../inventory";
import {
  badRequest,
  callerKey,
  conflict,
  consumeOrRefuse,
  DomainError,
  isUniqueViolation,
  limitHolds,
  limits,
  moneyText,
  notFound,
  queueMessage,
  randomCode,
  recordAudit,
  requestFingerprint,
  type Actor,
} from "../kernel";
import { createOrder, recordOrderPaid } from "../orders";
import { chargeCard, creditBalance, spendCredit } from "../payments";
import { findLocation } from "../stores";
import { assertCartOpen, lockCart } from "./cart";
import { checkoutCreditHolder, type CreditChoice } from "./checkout-store-credit";

export type Fulfillment = { type: "pickup"; storeId: string } | { type: "delivery"; address: Address };

/**
 * How the shopper pays. Store credit (`storeCreditMinor` from a signed-in account, or a guest's
 * `creditCode`) pays first; the card or the till pays the rest. `store_credit` means credit pays it all.
 */
export type PaymentChoice = CreditChoice &
  ({ method: "card"; token: string } | { method: "pay_in_store" } | { method: "store_credit" });

export type PlaceOrderInput = {
  cartId: string;
  email: string;
  name: string;
  phone?: string;
  fulfillment: Fulfillment;
  payment: PaymentChoice;
  idempotencyKey: string;
};

/** The contract's answer, plus what a confirmation page shows. */
export type PlacedOrder = {
  orderNumber: string;
  status: string;
  totalMinor: number;
  currency: string;
  pickupCode?: string;
  fulfillment: { type: "pickup" | "delivery"; storeId?: string };
  paymentMethod: "card" | "pay_in_store" | "store_credit";
  paidMinor: number;
  storeCreditMinor: number;
  /** What is still to pay at the counter (pay in store). */
  dueInStoreMinor: number;
};

type OrderRow = typeof orders.$inferSelect;

function answerOf(order: OrderRow): PlacedOrder {
  return {
    orderNumber: order.number,
    status: order.status,
    totalMinor: order.totalMinor,
    currency: order.currency,
    pickupCode: order.pickupCode ?? undefined,
    fulfillment:
      order.fulfillmentType === "pickup" ? { type: "pickup", storeId: order.locationId } : { type: "delivery" },
    paymentMethod: order.paymentMethod,
    paidMinor: order.paidMinor,
    storeCreditMinor: order.storeCreditMinor,
    dueInStoreMinor: order.paymentMethod === "pay_in_store" ? order.totalMinor - order.storeCreditMinor : 0,
  };
}

/**
 * The first answer for an idempotency key. A key used by another shopper's checkout is refused
 * rather than answered, so that a guessed key never reveals someone else's order.
 */
async function answerForKey(
  db: Database | Tx,
  input: Pick<PlaceOrderInput, "idempotencyKey" | "email">,
  fingerprint: string,
): Promise<PlacedOrder | null> {
  const [order] = await db.select().from(orders).where(eq(orders.idempotencyKey, input.idempotencyKey));
  if (!order) return null;
  // The key answers only the request it first came with (orders from before fingerprints: the e-mail).
  if (
    order.email !== input.email.toLowerCase() ||
    (order.requestFingerprint && order.requestFingerprint !== fingerprint)
  )
    throw conflict("This checkout key was already used for another order. Reload the page and try again.");
  return answerOf(order);
}

/**
 * The contract's `checkout.placeOrder`. In one transaction: create the order and its lines at the
 * cart's prices, hold every line's stock at the fulfilling location (SKUs in a fixed order, so
 * concurrent checkouts never deadlock), spend store credit, charge the card, and queue the
 * confirmation. Any refusal (stock, declined card) rolls all of it back: no order, nothing held.
 *
 * A declined card is `BAD_REQUEST` with the provider's words: retrying the same card will not help,
 * unlike a stock `CONFLICT`, which names the SKU that ran out.
 */
export async function placeOrder(db: Database, actor: Actor, input: PlaceOrderInput): Promise<PlacedOrder> {
  const fingerprint = requestFingerprint(actor, input);
  const replay = await answerForKey(db, input, fingerprint);
  if (replay) return replay;
  const key = callerKey(actor);
  await consumeOrRefuse(db, [["checkout", key]]);
  if (input.payment.method === "pay_in_store" && input.fulfillment.type !== "pickup") {
    throw badRequest("Paying in store is only possible for click-and-collect orders.", { field: "payment" });
  }
  // Paid later or never: such orders hold stock for nothing, so they are limited like reservations.
  if (input.payment.method === "pay_in_store")
    await limitHolds(
      db,
      actor,
      input.email,
      { caller: "unpaidOrders", email: "unpaidOrdersEmail" },
      { caller: limits.unpaidOrders.points, email: limits.unpaidOrdersEmail.points },
    );
  const creditHolder = await checkoutCreditHolder(db, actor, input.payment);
  try {
    return await db.transaction((tx) => placeInTransaction(tx, actor, input, creditHolder, fingerprint));
  } catch (error) {
    // Two calls with one key at the same moment: the loser waited on the key's unique index.
    if (isUniqueViolation(error, "orders_idempotency_key_unique")) {
      const first = await answerForKey(db, input, fingerprint);
      if (first) return first;
    }
    throw error;
  }
}

async function fulfillingLocation(tx: Tx, fulfillment: Fulfillment) {
  const id = fulfillment.type === "pickup" ? fulfillment.storeId : ONLINE_LOCATION;
  const location = await findLocation(tx, id);
  if (fulfillment.type === "pickup" && (!location.pickup || location.type !== "store")) {
    throw badRequest(`${location.name} does not offer click-and-collect. Choose another store.`, {
      field: "fulfillment",
    });
  }
  return location;
}

async function pricedCartLines(tx: Tx, cartId: string, code: string | null) {
  const lines = await tx
    .select({
      sku: cartLines.sku,
      quantity: cartLines.quantity,
      active: sql<boolean>`coalesce(${variants.active} and ${products.active}, false)`,
    })
    .from(cartLines)
    .leftJoin(variants, eq(variants.sku, cartLines.sku))
    .leftJoin(products, eq(products.id, variants.productId))
    .where(eq(cartLines.cartId, cartId))
    .orderBy(asc(cartLines.sku));
  if (!lines.length) throw badRequest("Your cart is empty.");
  const withdrawn = lines.find((l) => !l.active);
  if (withdrawn)
    throw conflict(`${withdrawn.sku} is no longer sold. Remove it from your cart to continue.`, { sku: withdrawn.sku });
  return priceCart(tx, lines, { code });
}

/** Holds every line at the location, in SKU order; a shortfall is refused with a message naming the line. */
async function holdStock(
  tx: Tx,
  actor: Actor,
  orderId: string,
  locationId: string,
  locationName: string,
  lines: PricedLine[],
) {
  for (const line of [...lines].sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))) {
    try {
      await reserveStock(tx, {
        locationId,
        sku: line.sku,
        quantity: line.quantity,
        kind: "order",
        ownerId: orderId,
        actor,
      });
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== "CONFLICT") throw error;
      const available = Number(error.details?.available ?? 0);
      const name = `${line.productTitle} (${line.title}, ${line.sku})`;
      const where = locationId === ONLINE_LOCATION ? "for delivery" : `at ${locationName}`;
      throw conflict(
        available === 0
          ? `${name} is no longer available ${where}.`
          : `Only ${available} of ${name} ${available === 1 ? "is" : "are"} available ${where}.`,
        { sku: line.sku, locationId, available },
      );
    }
  }
}

async function placeInTransaction(
  tx: Tx,
  actor: Actor,
  input: PlaceOrderInput,
  creditHolder: string | null,
  fingerprint: string,
): Promise<PlacedOrder> {
  const cart = await lockCart(tx, input.cartId, actor);
  // A concurrent call with the same key may have finished while this one waited for the cart.
  const replay = await answerForKey(tx, input, fingerprint);
  if (replay) return replay;
  assertCartOpen(cart);
  const priced = await pricedCartLines(tx, cart.id, cart.discountCode);
  const location = await fulfillingLocation(tx, input.fulfillment);

  // An explicit amount is spent as asked (spendCredit refuses more than the balance); a credit code alone spends what it holds.
  const wantedCredit = input.payment.storeCreditMinor ?? (creditHolder ? await creditBalance(tx, creditHolder) : 0);
  const creditMinor = creditHolder ? Math.min(wantedCredit, priced.totalMinor) : 0;
  const restMinor = priced.totalMinor - creditMinor;
  if (input.payment.method === "store_credit" && restMinor > 0) {
    throw badRequest("Your store credit does not cover the whole order. Pay the rest by card or in store.", {
      field: "payment",
    });
  }
  const paymentMethod = restMinor === 0 && creditMinor > 0 ? "store_credit" : input.payment.method;
  const pickup = input.fulfillment.type === "pickup";

  const order = await createOrder(tx, actor, {
    order: {
      channel: actor.channel,
      fulfillmentType: input.fulfillment.type,
      locationId: location.id,
      address: input.fulfillment.type === "delivery" ? input.fulfillment.address : null,
      userId: cart.userId ?? (actor.role === "customer" ? (actor.userId ?? null) : null),
      email: input.email.toLowerCase(),
      name: input.name,
      phone: input.phone || null,
      currency: priced.currency,
      subtotalMinor: priced.subtotalMinor,
      discountMinor: priced.discountMinor,
      totalMinor: priced.totalMinor,
      storeCreditMinor: creditMinor,
      paymentMethod,
      pickupCode: pickup ? randomCode(8) : null,
      // Nothing is paid yet, so the stock is held only for the store's pickup time from now: an order
      // never picked up nor ready in time expires like an uncollected one (orders/expire-pickups.ts).
      pickupDeadline:
        paymentMethod === "pay_in_store"
          ? new Date(Date.now() + location.pickupExpiryDays * 24 * 60 * 60 * 1000)
          : null,
      idempotencyKey: input.idempotencyKey,
      requestFingerprint: fingerprint,
    },
    lines: priced.lines.map((l) => ({
      sku: l.sku,
      title: `${l.productTitle} – ${l.title}`,
      quantity: l.quantity,
      unitPriceMinor: l.priceMinor,
    })),
    data: { totalMinor: priced.totalMinor, paymentMethod },
  });
  await holdStock(tx, actor, order.id, location.id, location.name, priced.lines);
  if (creditHolder && creditMinor > 0)
    await spendCredit(tx, { holder: creditHolder, amountMinor: creditMinor, refType: "order", refId: order.id });

  let paidMinor = 0;
  let paymentRef: string | null = null;
  // The card is charged last, once the stock is held, so nobody pays for goods that ran out.
  if (input.payment.method === "card" && restMinor > 0) {
    const charge = await chargeCard(tx, {
      orderId: order.id,
      orderNumber: order.number,
      token: input.payment.token,
      amountMinor: restMinor,
      currency: order.currency,
    });
    paidMinor = restMinor;
    paymentRef = charge.providerRef;
  }
  const placed = await recordOrderPaid(tx, { orderId: order.id, paidMinor, paymentRef });
  await tx.update(carts).set({ status: "ordered", updatedAt: new Date() }).where(eq(carts.id, cart.id));
  await queueMessage(tx, confirmation(placed, location.name, priced.lines));
  await recordAudit(tx, actor, {
    action: "checkout.placeOrder",
    entityType: "order",
    entityId: order.number,
    storeId: location.id,
    after: { totalMinor: order.totalMinor, paymentMethod, fulfillment: input.fulfillment.type },
  });
  return answerOf(placed);
}

function confirmation(order: OrderRow, locationName: string, lines: PricedLine[]) {
  const items = lines
    .map((l) => `${l.quantity} × ${l.productTitle} (${l.title}) – ${moneyText(l.totalMinor, l.currency)}`)
    .join("\n");
  const pickup = order.fulfillmentType === "pickup";
  const how = pickup
    ? `Collect it at ${locationName}. We will tell you when it is ready. Your pickup code: ${order.pickupCode}`
    : `We will ship it to ${order.address?.line1}, ${order.address?.postalCode} ${order.address?.city}.`;
  const due =
    order.paymentMethod === "pay_in_store"
      ? `\nTo pay at the counter: ${moneyText(order.totalMinor - order.storeCreditMinor, order.currency)}`
      : "";
  return {
    to: order.email,
    template: "order_placed" as const,
    subject: `Order ${order.number} placed`,
    body: `Thank you, ${order.name}! We have your order ${order.number}.\n\n${items}\n\nTotal: ${moneyText(order.totalMinor, order.currency)}${due}\n\n${how}`,
    data: {
      orderNumber: order.number,
      pickupCode: order.pickupCode ?? undefined,
      storeId: pickup ? order.locationId : undefined,
    },
  };
}
