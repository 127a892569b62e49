import { eq } from "drizzle-orm";

import { orders, returns, type Tx } from "@omni/db";

import { contentIn } from "../catalog";
import { textsFor } from "../engagement";
import { queueMessage } from "../kernel";
import type { OrderRefund } from "../payments";

/** The shopper's messages about a return, queued in the caller's transaction, in the language of its order. */

type Place = { id: string; name: string; address: string; city: string; postalCode: string };
type SlipLine = { sku: string; title: string; titlePl?: string | null; quantity: number };

/** The lines named in the shopper's language, as the order kept them (English on orders that kept no Polish). */
const linesIn = <L extends SlipLine>(locale: string | undefined, lines: L[]) =>
  lines.map(({ titlePl, ...l }) => ({ ...l, title: contentIn(locale === "pl" ? "pl" : "en", l.title, titlePl) }));

/** The language the shopper ordered in, which a return's messages speak. */
async function localeOfReturn(tx: Tx, returnNumber: string) {
  const [row] = await tx
    .select({ locale: orders.locale })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(eq(returns.number, returnNumber));
  return row?.locale;
}

async function textsOfReturn(tx: Tx, returnNumber: string) {
  return textsFor(await localeOfReturn(tx, returnNumber));
}

/** The return slip: the QR code on it encodes the return number, which the counter scans. */
export async function sendReturnSlip(
  tx: Tx,
  input: {
    to: string;
    locale: string;
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
  const t = textsFor(input.locale);
  const lines = linesIn(input.locale, input.lines);
  await queueMessage(tx, {
    to: input.to,
    template: "return_created",
    subject: t.returnCreatedSubject(input),
    body: t.returnCreatedBody({
      ...input,
      lines,
      how:
        input.method === "in_store" && input.store
          ? { method: "in_store", store: where(input.store) }
          : { method: "mail", shipTo: input.shipTo ? where(input.shipTo) : null },
    }),
    data: {
      returnNumber: input.returnNumber,
      qr: input.returnNumber,
      orderNumber: input.orderNumber,
      method: input.method,
      storeId: input.store?.id ?? null,
      storeName: input.store?.name ?? null,
      storeAddress: input.store ? where(input.store) : null,
      shipTo: input.shipTo ? where(input.shipTo) : null,
      lines,
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
  const locale = await localeOfReturn(tx, input.returnNumber);
  const t = textsFor(locale);
  const lines = linesIn(locale, input.lines);
  await queueMessage(tx, {
    to: input.to,
    template: "return_received",
    subject: t.returnReceivedSubject(input.returnNumber),
    body: t.returnReceivedBody({ returnNumber: input.returnNumber, store: input.storeName, lines }),
    data: { returnNumber: input.returnNumber, storeName: input.storeName, lines },
  });
}

export async function sendReturnRejected(
  tx: Tx,
  input: { to: string; returnNumber: string; storeName: string; reason: string },
): Promise<void> {
  const t = await textsOfReturn(tx, input.returnNumber);
  await queueMessage(tx, {
    to: input.to,
    template: "return_rejected",
    subject: t.returnRejectedSubject(input.returnNumber),
    body: t.returnRejectedBody({ returnNumber: input.returnNumber, store: input.storeName, reason: input.reason }),
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
  const t = await textsOfReturn(tx, input.returnNumber);
  const words = {
    returnNumber: input.returnNumber,
    currency,
    refundedMinor: refund.refundedMinor,
    toCardMinor: refund.toCardMinor,
    toTillMinor: refund.toTillMinor,
    toCreditMinor: refund.toCreditMinor,
    toGiftCardMinor: refund.toGiftCardMinor,
    creditCode: refund.creditCode ?? null,
    store: input.storeName,
  };
  await queueMessage(tx, {
    to: input.to,
    template: "refund_issued",
    subject: t.refundSubject(words),
    body: t.refundBody(words),
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
