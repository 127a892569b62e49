import type { Tx } from "@omni/db";

import { moneyText, queueMessage } from "../kernel";
import type { OrderRefund } from "../payments";

/** The shopper's messages about a return, queued in the caller's transaction. */

type Place = { id: string; name: string; address: string; city: string; postalCode: string };
type SlipLine = { sku: string; title: string; quantity: number };

/** The return slip: the QR code on it encodes the return number, which the counter scans. */
export async function sendReturnSlip(
  tx: Tx,
  input: {
    to: string;
    returnNumber: string;
    orderNumber: string;
    method: "in_store" | "mail";
    store: Place | null;
    shipTo: Place | null;
    lines: SlipLine[];
    refundMinor: number;
    currency: string;
    refundTo: "original" | "store_credit";
    deadline: Date | null;
  },
): Promise<void> {
  const where = (p: Place) => `${p.name}, ${p.address}, ${p.postalCode} ${p.city}`;
  const how =
    input.method === "in_store" && input.store
      ? `Bring the items and this slip (or its QR code on your phone) to ${where(input.store)}. You can also bring them to any of our stores.`
      : `Pack the items with this slip and send them to ${input.shipTo ? where(input.shipTo) : "our warehouse"}.`;
  const items = input.lines.map((l) => `- ${l.quantity} × ${l.title} (${l.sku})`).join("\n");
  const refund = `${moneyText(input.refundMinor, input.currency)} ${input.refundTo === "store_credit" ? "as store credit" : "to your original payment"}`;
  await queueMessage(tx, {
    to: input.to,
    template: "return_created",
    subject: `Return ${input.returnNumber} for order ${input.orderNumber}`,
    body: `Your return ${input.returnNumber} is registered.\n${how}\n\nItems:\n${items}\n\nOnce we receive them you get ${refund}.`,
    data: {
      returnNumber: input.returnNumber,
      qr: input.returnNumber,
      orderNumber: input.orderNumber,
      method: input.method,
      storeId: input.store?.id ?? null,
      storeName: input.store?.name ?? null,
      storeAddress: input.store ? where(input.store) : null,
      shipTo: input.shipTo ? where(input.shipTo) : null,
      lines: input.lines,
      refundMinor: input.refundMinor,
      currency: input.currency,
      refundTo: input.refundTo,
      deadline: input.deadline?.toISOString() ?? null,
    },
  });
}

export async function sendReturnReceived(
  tx: Tx,
  input: { to: string; returnNumber: string; storeName: string; lines: (SlipLine & { condition: string })[] },
): Promise<void> {
  await queueMessage(tx, {
    to: input.to,
    template: "return_received",
    subject: `We received your return ${input.returnNumber}`,
    body: `${input.storeName} received the items of return ${input.returnNumber}:\n${input.lines.map((l) => `- ${l.quantity} × ${l.title}`).join("\n")}`,
    data: { returnNumber: input.returnNumber, storeName: input.storeName, lines: input.lines },
  });
}

export async function sendReturnRejected(
  tx: Tx,
  input: { to: string; returnNumber: string; storeName: string; reason: string },
): Promise<void> {
  await queueMessage(tx, {
    to: input.to,
    template: "return_rejected",
    subject: `Your return ${input.returnNumber} was not accepted`,
    body: `${input.storeName} could not accept return ${input.returnNumber}: ${input.reason}\nThe items stay yours; ask at any of our stores if you have questions.`,
    data: { returnNumber: input.returnNumber, storeName: input.storeName, reason: input.reason },
  });
}

export async function sendRefundIssued(
  tx: Tx,
  input: {
    to: string;
    returnNumber: string;
    currency: string;
    refundTo: "original" | "store_credit";
    refund: OrderRefund;
    storeName: string;
  },
): Promise<void> {
  const { refund, currency } = input;
  const amount = moneyText(refund.refundedMinor, currency);
  const parts = [
    refund.toCardMinor > 0
      ? `${moneyText(refund.toCardMinor, currency)} goes back to your card; banks usually show it within 5 working days.`
      : null,
    refund.toTillMinor > 0
      ? `${moneyText(refund.toTillMinor, currency)} was paid back to you at the counter of ${input.storeName}.`
      : null,
    refund.toCreditMinor > 0
      ? refund.creditCode
        ? `${moneyText(refund.toCreditMinor, currency)} is store credit on code ${refund.creditCode}: enter it at checkout in the shop, at a kiosk or at the counter.`
        : `${moneyText(refund.toCreditMinor, currency)} is store credit on your account, ready to use at checkout.`
      : null,
    refund.toGiftCardMinor > 0
      ? `${moneyText(refund.toGiftCardMinor, currency)} goes back to the gift card you paid with.`
      : null,
  ].filter(Boolean);
  await queueMessage(tx, {
    to: input.to,
    template: "refund_issued",
    subject: `Refund of ${amount} for return ${input.returnNumber}`,
    body: `We refunded ${amount} for return ${input.returnNumber}.\n${parts.join("\n")}`,
    data: {
      returnNumber: input.returnNumber,
      refundMinor: refund.refundedMinor,
      currency,
      refundTo: input.refundTo,
      toCardMinor: refund.toCardMinor,
      toTillMinor: refund.toTillMinor,
      toCreditMinor: refund.toCreditMinor,
      toGiftCardMinor: refund.toGiftCardMinor,
      creditCode: refund.creditCode ?? null,
    },
  });
}
