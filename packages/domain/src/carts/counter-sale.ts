import { eq } from "drizzle-orm";

import { orders, type Database, type Locale } from "@omni/db";

import { badRequest, notYourStore, type Actor } from "../kernel";
import { findMember, orderPoints } from "../loyalty";
import { placeOrder, WALK_IN_EMAIL, type Fulfillment, type PlacedOrder, type PlaceOrderInput } from "./place-order";

export type CounterFulfillment = { type: "take_now" } | Fulfillment;
/** How the counter takes the money; a gift card (`giftCardCode`) pays first, as much as it holds. */
export type CounterPayment = { giftCardCode?: string } & (
  { method: "card"; token: string } | { method: "blik"; code: string } | { method: "cash" } | { method: "gift_card" }
);

export type CounterSaleInput = {
  storeId: string;
  cartId: string;
  memberEmail?: string;
  memberCard?: string;
  email?: string;
  name?: string;
  phone?: string;
  fulfillment: CounterFulfillment;
  payment: CounterPayment;
  redeemPoints?: number;
  /** The shopper said yes to offers by e-mail at the till: recorded with the sale, confirmed by the e-mailed link. */
  marketingEmail?: boolean;
  /** The shopper's language for the order's messages (and the link), as the clerk chose; English if unsaid. */
  locale?: Locale;
  idempotencyKey: string;
};

/**
 * `counter.sell`: a clerk sells a cart at their store's counter, with the same pricing, promotions,
 * stock holds and payment steps as every channel's checkout (channel `store`). Goods taken now leave
 * this store's shelf once paid and the order is born collected; otherwise it is delivered home, to a
 * locker or collected in another store like any order. A member named by e-mail or card earns and may
 * redeem points. A "yes" to offers by e-mail needs an address (typed, or the member's); only a "yes" is
 * recorded here: a clerk's unticked box is not the shopper withdrawing consent given before.
 */
export async function sellAtCounter(
  db: Database,
  actor: Actor,
  input: CounterSaleInput,
): Promise<PlacedOrder & { pointsEarned?: number; memberEmail?: string }> {
  if (actor.role !== "admin" && !actor.storeIds.includes(input.storeId)) throw notYourStore();
  const member =
    input.memberEmail || input.memberCard
      ? await findMember(db, { email: input.memberEmail, card: input.memberCard })
      : null;
  const email = input.email ?? member?.email ?? WALK_IN_EMAIL;
  if (input.marketingEmail && email === WALK_IN_EMAIL)
    throw badRequest("Enter the customer's e-mail address to send them offers.", {
      reason: "marketing_email_address_required",
      field: "email",
    });
  const takeNow = input.fulfillment.type === "take_now";
  const fulfillment: Fulfillment =
    input.fulfillment.type === "take_now" ? { type: "pickup", storeId: input.storeId } : input.fulfillment;
  const order: PlaceOrderInput = {
    cartId: input.cartId,
    email,
    name: input.name ?? (member?.name || "Counter customer"),
    phone: input.phone,
    fulfillment,
    payment: input.payment,
    redeemPoints: input.redeemPoints,
    locale: input.locale,
    idempotencyKey: input.idempotencyKey,
    sale: { storeId: input.storeId, takeNow, memberId: member?.id ?? null, marketingEmail: input.marketingEmail },
  };
  const placed = await placeOrder(db, actor, order);
  if (!member || !takeNow) return { ...placed, memberEmail: member?.email };
  const [sold] = await db.select({ id: orders.id }).from(orders).where(eq(orders.number, placed.orderNumber));
  return {
    ...placed,
    memberEmail: member.email,
    pointsEarned: sold ? await orderPoints(db, sold.id, ["earned", "bonus"]) : 0,
  };
}
