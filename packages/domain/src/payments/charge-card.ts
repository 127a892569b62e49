import { payments, type Tx } from "@omni/db";

import { badRequest } from "../kernel";
import { paymentProvider } from "./payment-provider";

/** Charges a card for an order and keeps the charge in the payments ledger; a declined card is BAD_REQUEST. */
export async function chargeCard(
  tx: Tx,
  input: { orderId: string; orderNumber: string; token: string; amountMinor: number; currency: string },
): Promise<{ providerRef: string }> {
  const charge = await paymentProvider().charge({
    token: input.token,
    amountMinor: input.amountMinor,
    currency: input.currency,
    reference: input.orderNumber,
  });
  if (!charge.ok) throw badRequest(charge.reason, { reason: "payment_declined" });
  await tx.insert(payments).values({
    orderId: input.orderId,
    provider: paymentProvider().name,
    kind: "charge",
    amountMinor: input.amountMinor,
    currency: input.currency,
    providerRef: charge.providerRef,
  });
  return { providerRef: charge.providerRef };
}
