import { and, eq, sql } from "drizzle-orm";
import { orders, payments, storeCreditEntries, type Tx } from "@omni/db";
import { conflict } from "./errors";
import { paymentProvider } from "./payment-provider";
import { codeHolder, grantCredit, userHolder } from "./store-credit";
import { randomCode } from "./codes";

/** What an order has had back so far: to the card (payments) and as store credit. */
export async function refundedSoFar(tx: Tx, orderId: string): Promise<{ toCardMinor: number; toCreditMinor: number }> {
  const [card] = await tx
    .select({ total: sql<number>`coalesce(sum(${payments.amountMinor}), 0)::int` })
    .from(payments)
    .where(and(eq(payments.orderId, orderId), eq(payments.kind, "refund")));
  const [credit] = await tx
    .select({ total: sql<number>`coalesce(sum(${storeCreditEntries.amountMinor}), 0)::int` })
    .from(storeCreditEntries)
    .where(and(eq(storeCreditEntries.refType, "order"), eq(storeCreditEntries.refId, orderId), eq(storeCreditEntries.reason, "refund")));
  return { toCardMinor: card?.total ?? 0, toCreditMinor: credit?.total ?? 0 };
}

/**
 * Gives money back on an order: to the original card through the payment provider, or as store
 * credit (to the account, or to a new credit code for a guest). The order row is locked and the sum
 * of all refunds can never exceed what was paid, even when two clerks refund at the same moment.
 */
export async function refundOrder(
  tx: Tx,
  input: { orderId: string; amountMinor: number; to: "original" | "store_credit"; refType: "return" | "decline" | "expiry" | "cancel"; refId: string },
): Promise<{ refundedMinor: number; toCardMinor: number; toCreditMinor: number; creditCode?: string }> {
  const [order] = await tx.execute<{
    id: string; user_id: string | null; paid_minor: number; currency: string; payment_ref: string | null; store_credit_minor: number;
  }>(sql`select id, user_id, paid_minor, currency, payment_ref, store_credit_minor from orders where id = ${input.orderId} for update`);
  if (!order) throw conflict("The order to refund was not found.");
  if (input.amountMinor <= 0) return { refundedMinor: 0, toCardMinor: 0, toCreditMinor: 0 };

  const refunded = await refundedSoFar(tx, order.id);
  const paid = order.paid_minor + order.store_credit_minor;
  const already = refunded.toCardMinor + refunded.toCreditMinor;
  const amount = Math.min(input.amountMinor, paid - already);
  if (amount <= 0) return { refundedMinor: 0, toCardMinor: 0, toCreditMinor: 0 };

  // Money paid in store credit always goes back as store credit.
  const toCard = input.to === "original" && order.payment_ref ? Math.min(amount, Math.max(0, order.paid_minor - refunded.toCardMinor)) : 0;
  const toCredit = amount - toCard;

  if (toCard > 0) {
    const result = await paymentProvider().refund({ chargeRef: order.payment_ref!, amountMinor: toCard, currency: order.currency, reference: input.refId });
    if (!result.ok) throw conflict(`The refund to the card failed: ${result.reason}`);
    await tx.insert(payments).values({
      orderId: order.id, returnId: input.refType === "return" ? input.refId : null, provider: paymentProvider().name,
      kind: "refund", amountMinor: toCard, currency: order.currency, providerRef: result.providerRef,
    });
  }
  let creditCode: string | undefined;
  if (toCredit > 0) {
    creditCode = order.user_id ? undefined : `CR-${randomCode(10)}`;
    const holder = order.user_id ? userHolder(order.user_id) : codeHolder(creditCode!);
    await grantCredit(tx, { holder, amountMinor: toCredit, refType: "order", refId: order.id });
  }
  return { refundedMinor: amount, toCardMinor: toCard, toCreditMinor: toCredit, creditCode };
}
