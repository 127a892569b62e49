import { asc, eq, sql } from "drizzle-orm";

import {
  cartLines,
  carts,
  orders,
  products,
  variants,
  type Address,
  type Database,
  type Locale,
  type Tx,
} from "@omni/db";

import {
  cartPromotions,
  polishLineTitle,
  priceBasket,
  priceRows,
  redeemDiscountCode,
  type PricedLine,
} from "../catalog";
import { answerMarketingEmail } from "../engagement";
import { emitWebhookEvent } from "../integrations";
import { endHolds, lockStockRows, ONLINE_LOCATION, reserveStock } from "../inventory";
import {
  badRequest,
  callerKey,
  conflict,
  consumeOrRefuse,
  DomainError,
  isUniqueViolation,
  limitHolds,
  limits,
  queueMessage,
  randomCode,
  recordAudit,
  requestFingerprint,
  type Actor,
} from "../kernel";
import { earnForOrder, pointsPayment, redeemForOrder } from "../loyalty";
import {
  createOrder,
  finaliseOrderPayment,
  orderPlacedMessage,
  recordOrderPaid,
  type MessageLine,
  type OrderRow,
} from "../orders";
import {
  askProviderToAuthorize,
  attemptsOfOrder,
  creditBalance,
  lockedGiftCardBalance,
  openPaymentAttempt,
  providerMethods,
  spendCredit,
  spendGiftCard,
  type PaymentData,
} from "../payments";
import { deliveryFees, lockerInService, shippingFee } from "../shipping";
import { findLocation } from "../stores";
import { holdForPickup, planSourcing, type SourcingPlan } from "../transfers";
import { assertCartOpen, cartLineVariantColumns, lockCart } from "./cart";
import { checkoutGiftCard, type GiftCardChoice } from "./checkout-gift-card";
import { placeOf, type CheckoutPlaces, type CheckoutPlacesSource } from "./checkout-places";
import { checkoutCreditHolder, type CreditChoice } from "./checkout-store-credit";

export type Fulfillment =
  | { type: "pickup"; storeId: string }
  | { type: "delivery"; address: Address; method?: "courier" }
  | { type: "locker"; lockerId: string };

/**
 * How the shopper pays. Store credit (`storeCreditMinor` from a signed-in account, or a guest's
 * `creditCode`) pays first, then a gift card (`giftCardCode`); the card or the till pays the rest.
 * `store_credit` means credit pays it all, `gift_card` that the gift card (with any credit) does.
 */
export type PaymentChoice = CreditChoice &
  GiftCardChoice &
  (
    | { method: "card"; token: string }
    | { method: "blik"; code: string }
    | { method: "transfer"; returnUrl?: string }
    | { method: "cash_on_delivery" }
    | { method: "pay_in_store" }
    | { method: "store_credit" }
    | { method: "gift_card" }
    /** Notes and coins at a counter (`counter.sell` only). */
    | { method: "cash" }
  );

/** The e-mail of an order sold at a counter to a shopper who gave none: nothing is sent to it. */
export const WALK_IN_EMAIL = "walk-in@counter.invalid";

/**
 * A sale at a counter (`counter.sell`): the store it is made in, whether the goods leave with the
 * shopper now, the member the clerk named (by card or e-mail), who earns and may redeem points, and
 * whether the shopper said yes to offers by e-mail at the till (`marketingEmail`).
 */
export type CounterSale = { storeId: string; takeNow: boolean; memberId: string | null; marketingEmail?: boolean };

export type PlaceOrderInput = {
  cartId: string;
  email: string;
  name: string;
  phone?: string;
  fulfillment: Fulfillment;
  payment: PaymentChoice;
  idempotencyKey: string;
  /** A company invoice instead of a receipt: the NIP has been checked by the caller's schema. */
  invoice?: { companyName: string; nip: string; address?: string };
  /** The shopper's language for every message about the order. */
  locale?: Locale;
  /** Loyalty points to spend on the goods (a member only; at most the balance and the goods total). */
  redeemPoints?: number;
  /** Set by `counter.sell` only, never from a shopper's input. */
  sale?: CounterSale;
};

/** The contract's answer, plus what a confirmation page shows. */
export type PlacedOrder = {
  orderNumber: string;
  status: string;
  totalMinor: number;
  currency: string;
  pickupCode?: string;
  fulfillment: { type: "pickup" | "delivery" | "locker"; storeId?: string; lockerId?: string };
  paymentMethod: OrderRow["paymentMethod"];
  /** `authorized` once the provider said yes; `pending` while a transfer or a lost answer is awaited. */
  paymentStatus: "authorized" | "pending" | "not_required";
  /** Where to send the shopper to pay (a pay-by-link transfer). */
  redirectUrl?: string;
  shippingMinor: number;
  paidMinor: number;
  storeCreditMinor: number;
  /** Paid with the gift card. */
  giftCardMinor: number;
  /** What is still to pay at the counter (pay in store). */
  dueInStoreMinor: number;
  /** The promised pickup time when goods come from other locations (ship-to-store). */
  readyBy?: Date;
  pointsRedeemed: number;
  /** Points credited at once (a sale at the counter handed over now). */
  pointsEarned?: number;
};

function answerOf(
  order: OrderRow,
  payment: { status: PlacedOrder["paymentStatus"]; redirectUrl?: string | null } = { status: "not_required" },
): PlacedOrder {
  return {
    orderNumber: order.number,
    status: order.status,
    totalMinor: order.totalMinor,
    currency: order.currency,
    pickupCode: order.pickupCode ?? undefined,
    fulfillment:
      order.fulfillmentType === "pickup"
        ? { type: "pickup", storeId: order.locationId }
        : order.deliveryMethod === "locker"
          ? { type: "locker", lockerId: order.lockerId ?? undefined }
          : { type: "delivery" },
    paymentMethod: order.paymentMethod,
    paymentStatus: payment.status,
    redirectUrl: payment.redirectUrl ?? undefined,
    shippingMinor: order.shippingMinor,
    paidMinor: order.paidMinor,
    storeCreditMinor: order.storeCreditMinor,
    giftCardMinor: order.giftCardMinor,
    // What the counter will ask at the handover (see dueAtHandover): points, credit and gift cards paid the rest.
    dueInStoreMinor:
      order.paymentMethod === "pay_in_store"
        ? Math.max(0, order.totalMinor - order.storeCreditMinor - order.giftCardMinor - order.pointsMinor)
        : 0,
    readyBy: order.readyBy ?? undefined,
    pointsRedeemed: order.pointsRedeemed,
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
    throw conflict("This checkout key was already used for another order. Reload the page and try again.", {
      reason: "idempotency_key_reused",
    });
  let [attempt] = (await attemptsOfOrder(db, order.id)).slice(-1);
  // The first call is still waiting for its provider: answer what it will answer, not a half-way state.
  for (
    let waited = 0;
    attempt?.status === "pending" && attempt.provider !== "transfer" && waited < 10_000;
    waited += 50
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    [attempt] = (await attemptsOfOrder(db, order.id)).slice(-1);
    if (!attempt) return null;
  }
  if (attempt && attempt.status !== "pending") {
    const [fresh] = await db.select().from(orders).where(eq(orders.id, order.id));
    if (!fresh) return null;
    return answerOf(fresh, { status: "authorized", redirectUrl: attempt.redirectUrl });
  }
  return answerOf(order, {
    status: !attempt ? "not_required" : attempt.status === "pending" ? "pending" : "authorized",
    redirectUrl: attempt?.redirectUrl,
  });
}

/** What the provider needs besides the amount: never stored, only passed through. */
function paymentData(payment: PaymentChoice): PaymentData {
  if (payment.method === "card") return { token: payment.token };
  if (payment.method === "blik") return { code: payment.code };
  if (payment.method === "transfer") return { returnUrl: payment.returnUrl };
  return {};
}

/**
 * The contract's `checkout.placeOrder`, in three steps so that no payment call runs inside a
 * database transaction:
 * 1. one transaction writes the order at the cart's prices, holds every line's stock (SKUs in a fixed
 *    order, so concurrent checkouts never deadlock), spends store credit and opens a payment attempt;
 * 2. the provider is asked, with the attempt's id as idempotency key;
 * 3. the answer goes through the one finaliser (`finaliseOrderPayment`), which locks the attempt.
 * A declined card or BLIK code removes the order and its holds: no order, nothing held. An answer that
 * never came (a timeout) leaves the order awaiting payment; the reconcile sweep asks the provider later.
 *
 * A declined payment is `BAD_REQUEST` with the provider's words: retrying the same card will not help,
 * unlike a stock `CONFLICT`, which names the SKU that ran out.
 */
export async function placeOrder(
  db: Database,
  actor: Actor,
  input: PlaceOrderInput,
  /** `places`: the fees and locations from the API's read cache; without it they are read in the transaction. */
  options: { places?: CheckoutPlacesSource } = {},
): Promise<PlacedOrder> {
  const fingerprint = requestFingerprint(actor, input);
  const replay = await answerForKey(db, input, fingerprint);
  if (replay) return replay;
  const key = callerKey(actor);
  await consumeOrRefuse(db, [["checkout", key]]);
  if (input.payment.method === "cash" && !input.sale)
    throw badRequest("Cash is taken only at a store's counter.", { reason: "cash_only_at_counter", field: "payment" });
  if (input.payment.method === "pay_in_store" && input.fulfillment.type !== "pickup") {
    throw badRequest("Paying in store is only possible for click-and-collect orders.", {
      reason: "pay_in_store_pickup_only",
      field: "payment",
    });
  }
  if (input.payment.method === "cash_on_delivery" && input.fulfillment.type === "pickup") {
    throw badRequest("Cash on delivery is only possible for deliveries. For click-and-collect, pay in store.", {
      reason: "cash_on_delivery_delivery_only",
      field: "payment",
    });
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
  if (input.payment.method === "gift_card" && !input.payment.giftCardCode?.trim())
    throw badRequest("Enter the gift card's code.", { reason: "gift_card_code_required", field: "payment" });
  const creditHolder = await checkoutCreditHolder(db, actor, input.payment);
  const giftCardId = await checkoutGiftCard(db, actor, input.payment);
  // Read before the transaction opens, never inside it: a read on the pool from inside a transaction waits for a
  // free connection, and under a rush of checkouts (a read cache that missed) the transactions held all of them.
  const places = options.places ? await options.places() : undefined;
  let started: Started;
  try {
    started = await db.transaction((tx) =>
      placeInTransaction(tx, actor, input, { creditHolder, giftCardId }, fingerprint, places),
    );
  } catch (error) {
    // Two calls with one key at the same moment: the loser waited on the key's unique index.
    if (isUniqueViolation(error, "orders_idempotency_key_unique")) {
      const first = await answerForKey(db, input, fingerprint);
      if (first) return first;
    }
    throw error;
  }
  if ("answer" in started) return started.answer;

  // The confirmation message is read together while the provider answers (nothing in it depends on the answer);
  // it is queued only if the payment is authorised, in the finaliser's transaction.
  const [outcome, message] = await Promise.all([
    askProviderToAuthorize(started.attempt, started.order.number, paymentData(input.payment)),
    started.order.email !== WALK_IN_EMAIL
      ? orderPlacedMessage(db, started.order, {
          lines: started.confirmation.orderedLines,
          locationName: started.confirmation.locationName,
        }).catch(() => undefined)
      : undefined,
  ]);
  const finished = await finaliseOrderPayment(db, {
    attemptId: started.attempt.id,
    orderId: started.order.id,
    outcome,
    discardOnDecline: true,
    actor,
    onAuthorized: (tx, order) => confirmPlaced(tx, actor, order, started.confirmation, message),
    // Goods handed over at a counter are consumed and earn points from the paid order: after the payment's writes.
    confirmBesidePayment: !started.confirmation.takeNow,
  });
  if (finished.result === "declined") {
    await db.update(carts).set({ status: "open", updatedAt: new Date() }).where(eq(carts.id, input.cartId));
    throw badRequest(finished.reason, { reason: "payment_declined", field: "payment", method: input.payment.method });
  }
  if (finished.result === "authorized") return answerOf(finished.order, { status: "authorized" });
  if (finished.result === "pending")
    return answerOf(finished.order, { status: "pending", redirectUrl: finished.redirectUrl });
  const again = await answerForKey(db, input, fingerprint);
  if (!again)
    throw conflict("The payment could not be confirmed. Please try again.", { reason: "payment_unconfirmed" });
  return again;
}

type Confirmation = {
  locationName: string;
  lines: PricedLine[];
  /** The order's lines as written, for the confirmation message (not read back). */
  orderedLines: MessageLine[];
  fulfillment: Fulfillment["type"] | "take_now";
  takeNow: boolean;
  /** The shopper's "yes" to offers by e-mail, given at the counter with this sale. */
  marketingEmail: boolean;
};
type Started =
  | { answer: PlacedOrder }
  | { order: OrderRow; attempt: Awaited<ReturnType<typeof openPaymentAttempt>>; confirmation: Confirmation };

/**
 * The confirmation message and the audit entry of a placed order, in the transaction that makes it so (`message`:
 * the confirmation when it was prepared beforehand).
 */
async function confirmPlaced(
  tx: Tx,
  actor: Actor,
  order: OrderRow,
  confirmationOf: Confirmation,
  message?: Awaited<ReturnType<typeof orderPlacedMessage>>,
) {
  // Goods handed over at a counter leave the shelf once paid, and their points are the member's at once.
  if (confirmationOf.takeNow) {
    await endHolds(tx, {
      ownerId: order.id,
      mode: "consume",
      reason: "order_fulfilled",
      actor,
      note: `Sold at the counter as ${order.number}`,
    });
    await earnForOrder(tx, actor, order);
  }
  // The message, the webhook event and the audit entry are independent writes: sent together.
  await Promise.all([
    order.email === WALK_IN_EMAIL
      ? null
      : message
        ? queueMessage(tx, message)
        : orderPlacedMessage(tx, order, {
            lines: confirmationOf.orderedLines,
            locationName: confirmationOf.locationName,
          }).then((m) => queueMessage(tx, m)),
    emitWebhookEvent(tx, "order.placed", {
      orderNumber: order.number,
      channel: order.channel,
      status: order.status,
      fulfillment: confirmationOf.fulfillment,
      storeId: order.locationId,
      totalMinor: order.totalMinor,
      currency: order.currency,
    }),
    recordAudit(tx, actor, {
      action: "checkout.placeOrder",
      entityType: "order",
      entityId: order.number,
      storeId: order.locationId,
      after: {
        totalMinor: order.totalMinor,
        paymentMethod: order.paymentMethod,
        fulfillment: confirmationOf.fulfillment,
      },
    }),
  ]);
  // A "yes" to offers said at the till counts as the shop's checkout tick does: the address's owner confirms
  // it by the e-mailed link (double opt-in), so a mistyped address subscribes nobody. Only with a sale made.
  if (confirmationOf.marketingEmail && order.email !== WALK_IN_EMAIL)
    await answerMarketingEmail(tx, actor, { email: order.email, granted: true, locale: order.locale });
}

async function fulfillingLocation(tx: Tx, fulfillment: Fulfillment, sale?: CounterSale, places?: CheckoutPlaces) {
  const id = sale?.takeNow ? sale.storeId : fulfillment.type === "pickup" ? fulfillment.storeId : ONLINE_LOCATION;
  const location = places ? await placeOf(tx, places, id) : await findLocation(tx, id);
  if (!sale?.takeNow && fulfillment.type === "pickup" && (!location.pickup || location.type !== "store")) {
    throw badRequest(`${location.name} does not offer click-and-collect. Choose another store.`, {
      reason: "store_no_click_and_collect",
      store: location.name,
      field: "fulfillment",
    });
  }
  return location;
}

/**
 * The cart's lines priced, in one statement with the promotions beside it (the cart is locked, so the code the
 * promotions are read for is the one priced): what was sold, its VAT rate and its Polish title for the order.
 */
async function pricedCartLines(tx: Tx, cartId: string) {
  const [lines, promos] = await Promise.all([
    tx
      .select({
        sku: cartLines.sku,
        quantity: cartLines.quantity,
        active: sql<boolean>`coalesce(${variants.active} and ${products.active}, false)`,
        vatRate: sql<number>`coalesce(${products.vatRate}, 23)`,
        ...cartLineVariantColumns,
        productTitlePl: products.titlePl,
      })
      .from(cartLines)
      .leftJoin(variants, eq(variants.sku, cartLines.sku))
      .leftJoin(products, eq(products.id, variants.productId))
      .where(eq(cartLines.cartId, cartId))
      .orderBy(asc(cartLines.sku)),
    cartPromotions(tx, cartId),
  ]);
  if (!lines.length) throw badRequest("Your cart is empty.", { reason: "cart_empty" });
  const withdrawn = lines.find((l) => !l.active);
  if (withdrawn)
    throw conflict(`${withdrawn.sku} is no longer sold. Remove it from your cart to continue.`, {
      reason: "sku_withdrawn",
      sku: withdrawn.sku,
    });
  // Every line is active, so every line has its variant and product.
  const sold = lines.map((l) => ({
    sku: l.sku,
    quantity: l.quantity,
    productId: l.productId!,
    title: l.title!,
    priceMinor: l.priceMinor!,
    currency: l.currency!,
    categorySlug: l.categorySlug!,
    productTitle: l.productTitle!,
    productTitlePl: l.productTitlePl,
    options: l.options ?? {},
  }));
  const priced = priceBasket(priceRows(sold, promos), sold, promos);
  return {
    ...priced,
    vatRateOf: new Map(lines.map((l) => [l.sku, l.vatRate])),
    polishTitleOf: new Map(sold.map((l) => [l.sku, polishLineTitle(l)])),
  };
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
  // One line locks its one row in reserveStock; several are locked first, in the global order.
  if (lines.length > 1)
    await lockStockRows(
      tx,
      lines.map((l) => ({ locationId, sku: l.sku })),
    );
  for (const line of lines) {
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
        { reason: "out_of_stock_item", item: name, sku: line.sku, locationId, available },
      );
    }
  }
}

/** Holds a ship-to-store order; a source that ran out meanwhile is refused naming the line, as in `holdStock`. */
async function holdShipToStore(
  tx: Tx,
  actor: Actor,
  order: OrderRow,
  locationName: string,
  lines: PricedLine[],
  plan: SourcingPlan,
) {
  try {
    await holdForPickup(tx, actor, { orderId: order.id, orderNumber: order.number, storeId: order.locationId, plan });
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "CONFLICT") throw error;
    const sku = typeof error.details?.sku === "string" ? error.details.sku : "";
    const line = lines.find((l) => l.sku === sku);
    const name = line ? `${line.productTitle} (${line.title}, ${line.sku})` : sku;
    throw conflict(`${name} is no longer available for pickup at ${locationName}.`, {
      reason: "not_available_for_pickup",
      item: name,
      store: locationName,
      sku,
      locationId: order.locationId,
      available: 0,
    });
  }
}

async function placeInTransaction(
  tx: Tx,
  actor: Actor,
  input: PlaceOrderInput,
  tenders: { creditHolder: string | null; giftCardId: string | null },
  fingerprint: string,
  places?: CheckoutPlaces,
): Promise<Started> {
  const { creditHolder, giftCardId } = tenders;
  const cart = await lockCart(tx, input.cartId, actor);
  const sale = input.sale;
  // The reads below are sent together (pipelined on the transaction's connection); their refusals are
  // reported in the order the checks were always made, and only when no earlier answer came first.
  const pricing = pricedCartLines(tx, cart.id);
  const locating = fulfillingLocation(tx, input.fulfillment, sale, places);
  const fees = places ? Promise.resolve(places.fees) : deliveryFees(tx);
  for (const pending of [pricing, locating, fees]) pending.catch(() => {});
  // A concurrent call with the same key may have finished while this one waited for the cart.
  const replay = await answerForKey(tx, input, fingerprint);
  if (replay) return { answer: replay };
  assertCartOpen(cart);
  const priced = await pricing;
  const takeNow = sale?.takeNow ?? false;
  const location = await locating;
  const locker = input.fulfillment.type === "locker" ? await lockerInService(tx, input.fulfillment.lockerId) : null;
  const deliveryMethod =
    input.fulfillment.type === "pickup" ? null : input.fulfillment.type === "locker" ? "locker" : "courier";
  const shippingMinor = shippingFee(await fees, deliveryMethod ?? "pickup", priced.totalMinor);
  const totalMinor = priced.totalMinor + shippingMinor;
  const memberId = sale ? sale.memberId : (cart.userId ?? (actor.role === "customer" ? (actor.userId ?? null) : null));
  // Points pay for goods only, before store credit and the card.
  const points = await pointsPayment(tx, {
    userId: memberId,
    points: input.redeemPoints ?? 0,
    goodsMinor: priced.totalMinor,
  });

  // An explicit amount is spent as asked (spendCredit refuses more than the balance); a credit code alone spends what it holds.
  const wantedCredit = input.payment.storeCreditMinor ?? (creditHolder ? await creditBalance(tx, creditHolder) : 0);
  const creditMinor = creditHolder ? Math.min(wantedCredit, totalMinor - points.minor) : 0;
  // The card's row stays locked until commit: what it covers now is still there when it is spent.
  const giftCardMinor = giftCardId
    ? Math.min(await lockedGiftCardBalance(tx, giftCardId), totalMinor - points.minor - creditMinor)
    : 0;
  const restMinor = totalMinor - points.minor - creditMinor - giftCardMinor;
  if (input.payment.method === "store_credit" && restMinor > 0) {
    throw badRequest("Your store credit does not cover the whole order. Pay the rest by card or in store.", {
      reason: "store_credit_too_low",
      field: "payment",
    });
  }
  if (input.payment.method === "gift_card" && restMinor > 0) {
    throw badRequest("The gift card does not cover the whole order. Pay the rest by card or BLIK.", {
      field: "payment",
      reason: "gift_card_balance",
      giftCardMinor,
    });
  }
  const paymentMethod =
    restMinor === 0 && giftCardMinor > 0
      ? "gift_card"
      : restMinor === 0 && creditMinor > 0
        ? "store_credit"
        : restMinor === 0 && points.minor > 0
          ? "points"
          : input.payment.method;
  const pickup = takeNow || input.fulfillment.type === "pickup";
  // A pickup store that lacks a line has it sent from the location that gets it there soonest.
  const sourcing = pickup && !takeNow ? await planSourcing(tx, { storeId: location.id, lines: priced.lines }) : null;
  const shipToStore = sourcing !== null && sourcing.bySource.size > 0 && !sourcing.missing;

  const orderedLines = priced.lines.map((l) => ({
    sku: l.sku,
    title: `${l.productTitle} – ${l.title}`,
    quantity: l.quantity,
    unitPriceMinor: l.priceMinor,
    vatRate: priced.vatRateOf.get(l.sku) ?? 23,
    titlePl: priced.polishTitleOf.get(l.sku) ?? null,
  }));
  const order = await createOrder(tx, actor, {
    order: {
      channel: actor.channel,
      fulfillmentType: pickup ? "pickup" : "delivery",
      deliveryMethod,
      lockerId: locker?.id ?? null,
      locationId: location.id,
      address:
        input.fulfillment.type === "delivery"
          ? input.fulfillment.address
          : locker
            ? {
                line1: `${locker.name}, ${locker.address}`,
                city: locker.city,
                postalCode: locker.postalCode,
                country: "PL",
              }
            : null,
      userId: memberId,
      email: input.email.toLowerCase(),
      name: input.name,
      phone: input.phone || null,
      locale: input.locale ?? "en",
      currency: priced.currency,
      subtotalMinor: priced.subtotalMinor,
      discountMinor: priced.discountMinor,
      shippingMinor,
      totalMinor,
      storeCreditMinor: creditMinor,
      giftCardMinor,
      pointsRedeemed: points.points,
      pointsMinor: points.minor,
      paymentMethod,
      pickupCode: pickup && !takeNow ? randomCode(8) : null,
      readyBy: shipToStore ? (sourcing.promise.readyBy ?? null) : null,
      // Nothing is paid yet, so the stock is held only for the store's pickup time from now: an order
      // never picked up nor ready in time expires like an uncollected one (orders/expire-pickups.ts).
      pickupDeadline:
        paymentMethod === "pay_in_store"
          ? new Date(Date.now() + location.pickupExpiryDays * 24 * 60 * 60 * 1000)
          : null,
      idempotencyKey: input.idempotencyKey,
      requestFingerprint: fingerprint,
      invoice: input.invoice ?? null,
    },
    lines: orderedLines,
    soldAtCounter: takeNow,
    data: { totalMinor, paymentMethod, ...(points.points ? { pointsRedeemed: points.points } : {}) },
  });
  // The code's usage limits (per code, per shopper) are counted with the order, in its transaction.
  if (priced.discountCode)
    await redeemDiscountCode(tx, {
      code: priced.discountCode.code,
      orderId: order.id,
      email: input.email,
      userId: order.userId ?? null,
    });
  if (shipToStore) {
    await holdShipToStore(tx, actor, order, location.name, priced.lines, sourcing);
  } else {
    await holdStock(tx, actor, order.id, location.id, location.name, priced.lines);
  }
  if (memberId && points.points > 0)
    await redeemForOrder(tx, actor, {
      userId: memberId,
      points: points.points,
      orderId: order.id,
      orderNumber: order.number,
      channel: order.channel,
    });
  if (creditHolder && creditMinor > 0)
    await spendCredit(tx, { holder: creditHolder, amountMinor: creditMinor, refType: "order", refId: order.id });
  if (giftCardId && giftCardMinor > 0)
    await spendGiftCard(tx, {
      giftCardId,
      amountMinor: giftCardMinor,
      orderId: order.id,
      orderNumber: order.number,
      channel: order.channel,
    });
  // The cart is spent at once so that a second checkout of it waits for this one's payment answer (the cart row
  // is locked since the start: this write goes along with the next one, not before it).
  const spent = tx.update(carts).set({ status: "ordered", updatedAt: new Date() }).where(eq(carts.id, cart.id));
  const confirmationOf: Confirmation = {
    locationName: location.name,
    lines: priced.lines,
    orderedLines,
    fulfillment: takeNow ? "take_now" : input.fulfillment.type,
    takeNow,
    marketingEmail: sale?.marketingEmail === true,
  };

  // Money from a provider is asked for after this transaction commits, once the stock is held.
  if (providerMethods.includes(paymentMethod) && restMinor > 0) {
    const [, attempt] = await Promise.all([
      spent,
      openPaymentAttempt(tx, {
        orderId: order.id,
        provider: paymentMethod,
        amountMinor: restMinor,
        currency: order.currency,
      }),
    ]);
    return { order, attempt, confirmation: confirmationOf };
  }
  // Cash is counted into the till by the clerk now.
  const cashMinor = paymentMethod === "cash" ? restMinor : 0;
  const [, placed] = await Promise.all([
    spent,
    recordOrderPaid(tx, { orderId: order.id, paidMinor: cashMinor, paymentRef: null }),
  ]);
  await confirmPlaced(tx, actor, placed, confirmationOf);
  return { answer: answerOf(placed) };
}
