import { and, eq, sql } from "drizzle-orm";

import { payments, storeCreditEntries, type Tx } from "@omni/db";

import { conflict, randomCode } from "../kernel";
import { giftCardsRefundedOnOrder, returnToGiftCards } from "./gift-cards";
import { codeHolder, grantCredit, userHolder } from "./store-credit";
import { paymentProviderFor, providerMethods } from "./test-providers";

/** What an order has had back so far: the way it was paid (card or till, as payment rows), as store credit and to its gift cards. */
export async function refundedSoFar(
  tx: Tx,
  orderId: string,
): Promise<{ toPaymentMinor: number; toCreditMinor: number; toGiftCardMinor: number }> {
  const [card] = await tx
    .select({ total: sql<number>`coalesce(sum(${payments.amountMinor}), 0)::int` })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.kind, "refund")));
  const [credit] = await tx
    .select({ total: sql<number>`coalesce(sum(${storeCreditEntries.amountMinor}), 0)::int` })
    .from(storeCreditEntries)
    .where(
      and(
        eq(storeCreditEntries.refType, "order"),
        eq(storeCreditEntries.refId, orderId),
        eq(storeCreditEntries.reason, "refund"),
      ),
    );
  return {
    toPaymentMinor: card?.total ?? 0,
    toCreditMinor: credit?.total ?? 0,
    toGiftCardMinor: await giftCardsRefundedOnOrder(tx, orderId),
  };
}

export type OrderRefund = {
  refundedMinor: number;
  toCardMinor: number;
  toTillMinor: number;
  toCreditMinor: number;
  /** Given back to the gift cards that paid part of the order. */
  toGiftCardMinor: number;
  creditCode?: string;
};
const nothing: OrderRefund = { refundedMinor: 0, toCardMinor: 0, toTillMinor: 0, toCreditMinor: 0, toGiftCardMinor: 0 };

/**
 * Gives money back on an order: to the original card through the payment provider, or as store
 * credit (to the account, or to a new credit code for a guest). An order paid at a store's till is
 * paid back from the till when the shopper stands at a counter (`atCounter`), otherwise as credit.
 * The order row is locked and the sum of all refunds can never exceed what was paid, even when two
 * clerks refund at the same moment. Gift cards that paid part of the order get their share of every
 * refund back on the card, in proportion to what they paid (counted over all refunds of the order, so
 * that rounding never drifts and a full refund gives them everything back).
 */
export async function refundOrder(
  tx: Tx,
  input: {
    orderId: string;
    amountMinor: number;
    to: "original" | "store_credit";
    refType: "return" | "decline" | "expiry" | "cancel";
    refId: string;
    atCounter?: boolean;
  },
): Promise<OrderRefund> {
  const [order] = await tx.execute<{
    id: string;
    user_id: string | null;
    paid_minor: number;
    currency: string;
    payment_ref: string | null;
    store_credit_minor: number;
    gift_card_minor: number;
    number: string;
    payment_method: string;
  }>(
    sql`select id, number, user_id, paid_minor, currency, payment_ref, store_credit_minor, gift_card_minor, payment_method from orders where id = ${input.orderId} for update`,
  );
  if (!order) throw conflict("The order to refund was not found.", { reason: "order_not_found" });
  if (input.amountMinor <= 0) return nothing;

  const refunded = await refundedSoFar(tx, order.id);
  const paid = order.paid_minor + order.store_credit_minor + order.gift_card_minor;
  const already = refunded.toPaymentMinor + refunded.toCreditMinor + refunded.toGiftCardMinor;
  const amount = Math.min(input.amountMinor, paid - already);
  if (amount <= 0) return nothing;

  const giftShare =
    order.gift_card_minor > 0
      ? Math.min(
          order.gift_card_minor - refunded.toGiftCardMinor,
          Math.max(0, Math.round(((already + amount) * order.gift_card_minor) / paid) - refunded.toGiftCardMinor),
        )
      : 0;
  const toGiftCard =
    giftShare > 0
      ? await returnToGiftCards(tx, {
          orderId: order.id,
          orderNumber: order.number,
          amountMinor: giftShare,
          type: "refunded",
        })
      : 0;
  const rest = amount - toGiftCard;

  // Money paid in store credit always goes back as store credit.
  const paidBackable = Math.min(rest, Math.max(0, order.paid_minor - refunded.toPaymentMinor));
  const byProvider = providerMethods.includes(order.payment_method);
  const toCard = input.to === "original" && order.payment_ref && byProvider ? paidBackable : 0;
  const toTill =
    input.to === "original" && !order.payment_ref && order.payment_method === "pay_in_store" && input.atCounter
      ? paidBackable
      : 0;
  const toCredit = rest - toCard - toTill;

  if (toCard > 0) {
    const provider = paymentProviderFor(order.payment_method);
    // One key per refund of this amount after what went back before, so a retried transaction refunds once.
    const result = await provider.refund({
      idempotencyKey: `${input.refType}:${input.refId}:${already}:${toCard}`,
      providerRef: order.payment_ref!,
      amountMinor: toCard,
    });
    if (!result.ok) throw conflict(`The refund to the card failed: ${result.reason}`, { reason: "refund_failed" });
    await tx.insert(payments).values({
      orderId: order.id,
      returnId: input.refType === "return" ? input.refId : null,
      provider: provider.id,
      kind: "refund",
      amountMinor: toCard,
      currency: order.currency,
      providerRef: result.providerRef,
    });
  }
  if (toTill > 0) {
    // The clerk hands the money back from the till; the row keeps the ledger of what went back complete.
    await tx.insert(payments).values({
      orderId: order.id,
      returnId: input.refType === "return" ? input.refId : null,
      provider: "till",
      kind: "refund",
      amountMinor: toTill,
      currency: order.currency,
      providerRef: `till:${input.refType}:${input.refId}`,
    });
  }
  let creditCode: string | undefined;
  if (toCredit > 0) {
    creditCode = order.user_id ? undefined : `CR-${randomCode(10)}`;
    const holder = order.user_id ? userHolder(order.user_id) : codeHolder(creditCode!);
    await grantCredit(tx, { holder, amountMinor: toCredit, refType: "order", refId: order.id });
  }
  return {
    refundedMinor: amount,
    toCardMinor: toCard,
    toTillMinor: toTill,
    toCreditMinor: toCredit,
    toGiftCardMinor: toGiftCard,
    creditCode,
  };
}
