import { eq } from "drizzle-orm";

import { orders, type Database } from "@omni/db";

import { notYourStore, type Actor } from "../kernel";
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
  idempotencyKey: string;
};

/**
 * `counter.sell`: a clerk sells a cart at their store's counter, with the same pricing, promotions,
 * stock holds and payment steps as every channel's checkout (channel `store`). Goods taken now leave
 * this store's shelf once paid and the order is born collected; otherwise it is delivered home, to a
 * locker or collected in another store like any order. A member named by e-mail or card earns and may
 * redeem points.
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
  const takeNow = input.fulfillment.type === "take_now";
  const fulfillment: Fulfillment =
    input.fulfillment.type === "take_now" ? { type: "pickup", storeId: input.storeId } : input.fulfillment;
  const order: PlaceOrderInput = {
    cartId: input.cartId,
    email: input.email ?? member?.email ?? WALK_IN_EMAIL,
    name: input.name ?? (member?.name || "Counter customer"),
    phone: input.phone,
    fulfillment,
    payment: input.payment,
    redeemPoints: input.redeemPoints,
    idempotencyKey: input.idempotencyKey,
    sale: { storeId: input.storeId, takeNow, memberId: member?.id ?? null },
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
