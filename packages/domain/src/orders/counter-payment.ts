import type { HandoverPayment } from "@omni/core";
import type { Tx } from "@omni/db";

import { badRequest, type Actor } from "../kernel";
import { recordOrderPaid } from "./create-order";
import { recordOrderEvent, type OrderRow } from "./order-state-machine";

/** Money a clerk took at a counter: by card, or cash with the change handed back. */
export type PaymentTaken = {
  method: "cash" | "card";
  amountMinor: number;
  tenderedMinor?: number;
  changeMinor?: number;
};

/**
 * The payment a clerk records at a counter (the handover of a pay-in-store order, the difference of a dearer
 * exchange): cash must cover what is due, or card. `refusal` is the reason given when nothing was recorded.
 */
export function takeCounterPayment(
  what: string,
  dueMinor: number,
  payment: HandoverPayment | undefined,
  refusal: "payment_required" | "exchange_payment_required" = "payment_required",
): PaymentTaken {
  if (!payment)
    throw badRequest(`${what} is paid at the counter: record the cash or card payment first.`, {
      reason: refusal,
      field: "payment",
      dueMinor,
    });
  if (payment.method === "card") return { method: "card", amountMinor: dueMinor };
  if (payment.tenderedMinor < dueMinor)
    throw badRequest("The cash given is less than the amount due.", {
      reason: "cash_short",
      field: "payment",
      dueMinor,
    });
  return {
    method: "cash",
    amountMinor: dueMinor,
    tenderedMinor: payment.tenderedMinor,
    changeMinor: payment.tenderedMinor - dueMinor,
  };
}

/** Records money taken at the counter on its order: the timeline says how it was paid, the order what was paid. */
export async function recordCounterPayment(
  tx: Tx,
  actor: Actor,
  input: { order: OrderRow; payment: PaymentTaken },
): Promise<void> {
  await recordOrderEvent(tx, {
    orderId: input.order.id,
    type: "paid_in_store",
    actor,
    status: input.order.status,
    data: input.payment,
  });
  await recordOrderPaid(tx, {
    orderId: input.order.id,
    paidMinor: input.payment.amountMinor,
    paymentRef: `counter:${input.payment.method}`,
  });
}
