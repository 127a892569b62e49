import { eq } from "drizzle-orm";

import { giftCards, type Database, type Locale, type Tx } from "@omni/db";

import { messageLocale, textsFor } from "../engagement";
import {
  badRequest,
  callerKey,
  conflict,
  consumeOrRefuse,
  isUniqueViolation,
  moneyText,
  notYourStore,
  queueMessage,
  recordAudit,
  requestFingerprint,
  worksIn,
  type Actor,
} from "../kernel";
import { issueGiftCard, maskGiftCardCode, newGiftCardCode, type GiftCardRow } from "./gift-cards";
import { ProviderTimeoutError } from "./payment-provider";
import { paymentProviderFor } from "./test-providers";

/** The amounts a card may carry: 20 to 2000 PLN in whole złoty. */
export const GIFT_CARD_MIN_MINOR = 2_000;
export const GIFT_CARD_MAX_MINOR = 200_000;

export type GiftCardPayment = { method: "card"; token: string } | { method: "blik"; code: string } | { method: "cash" };

export type BuyGiftCardInput = {
  amountMinor: number;
  /** The buyer's address (required in the shop; at a counter only when the code should be e-mailed). */
  email?: string;
  name?: string;
  recipientName?: string;
  recipientEmail?: string;
  message?: string;
  payment: GiftCardPayment;
  idempotencyKey: string;
  locale?: Locale;
  /** A sale at this store's counter (staff only); absent in the shop. */
  storeId?: string;
};

export type SoldGiftCard = {
  /** Whole only for the buyer who paid for it (the answer of the sale); never listed anywhere. */
  code: string;
  status: GiftCardRow["status"];
  balanceMinor: number;
  currency: string;
  sentTo: string | null;
};

const answerOf = (card: GiftCardRow): SoldGiftCard => ({
  code: card.code,
  status: card.status,
  balanceMinor: card.balanceMinor,
  currency: card.currency,
  sentTo: card.status === "active" ? (card.recipientEmail ?? card.buyerEmail) : null,
});

/** The e-mail that carries the code, to the recipient if the buyer named one, else to the buyer. */
async function sendGiftCard(tx: Tx, card: GiftCardRow) {
  const to = card.recipientEmail ?? card.buyerEmail;
  if (!to) return;
  const t = textsFor(card.locale);
  const amount = moneyText(card.initialMinor, card.currency, messageLocale(card.locale));
  await queueMessage(tx, {
    to,
    template: "gift_card_issued",
    subject: t.giftCardSubject(amount),
    body: t.giftCardBody({ recipientName: card.recipientName, amount, message: card.message, code: card.code }),
    data: { giftCardCode: card.code, amountMinor: card.initialMinor, currency: card.currency },
  });
}

/** Activates a paid card: its value, the e-mail with the code and the audit entry, in one transaction. */
async function activate(tx: Tx, actor: Actor, cardId: string, paymentRef: string | null): Promise<GiftCardRow> {
  const card = await issueGiftCard(tx, cardId, paymentRef);
  await sendGiftCard(tx, card);
  await recordAudit(tx, actor, {
    action: "giftCards.sell",
    entityType: "gift_card",
    entityId: maskGiftCardCode(card.code),
    storeId: card.locationId ?? undefined,
    after: { amountMinor: card.initialMinor, paymentMethod: card.paymentMethod, channel: card.channel },
  });
  return card;
}

/** Asks the provider to authorise and at once to capture: a gift card is delivered the moment it is paid. */
async function chargeOutsideTransaction(
  card: GiftCardRow,
  payment: GiftCardPayment,
): Promise<{ status: "paid"; ref: string } | { status: "declined"; reason: string } | { status: "unknown" }> {
  if (payment.method === "cash") return { status: "paid", ref: "" };
  const provider = paymentProviderFor(payment.method);
  try {
    const answer = await provider.authorize({
      idempotencyKey: card.id,
      amountMinor: card.initialMinor,
      currency: card.currency,
      reference: `gift card ${maskGiftCardCode(card.code)}`,
      data: payment.method === "card" ? { token: payment.token } : { code: payment.code },
    });
    if (answer.status === "declined") return { status: "declined", reason: answer.reason };
    if (answer.status === "pending") return { status: "unknown" };
    const captured = await provider.capture({
      idempotencyKey: `${card.id}:capture`,
      providerRef: answer.providerRef,
      amountMinor: card.initialMinor,
    });
    return captured.ok ? { status: "paid", ref: answer.providerRef } : { status: "unknown" };
  } catch (error) {
    if (error instanceof ProviderTimeoutError) return { status: "unknown" };
    throw error;
  }
}

/** A card still pending from an earlier call with the key: the provider is asked what became of it. */
async function settlePending(db: Database, actor: Actor, card: GiftCardRow): Promise<GiftCardRow> {
  if (card.paymentMethod === "cash") return card;
  const known = await paymentProviderFor(card.paymentMethod).status({ idempotencyKey: card.id });
  if (known.status === "authorized" || known.status === "captured")
    return db.transaction((tx) => activate(tx, actor, card.id, known.providerRef ?? null));
  if (known.status === "declined" || known.status === "not_found" || known.status === "cancelled") {
    await db.update(giftCards).set({ status: "void" }).where(eq(giftCards.id, card.id));
    return { ...card, status: "void" };
  }
  return card;
}

async function replay(db: Database, actor: Actor, key: string, fingerprint: string): Promise<SoldGiftCard | null> {
  const [card] = await db.select().from(giftCards).where(eq(giftCards.idempotencyKey, key));
  if (!card) return null;
  if (card.requestFingerprint !== fingerprint)
    throw conflict("This checkout key was already used for another purchase. Reload the page and try again.", {
      reason: "idempotency_key_reused",
    });
  const settled = card.status === "pending" ? await settlePending(db, actor, card) : card;
  if (settled.status === "void") throw badRequest("The payment was declined.", { reason: "payment_declined" });
  if (settled.status === "pending")
    throw conflict("The payment is not confirmed yet. Try again in a minute with the same details.", {
      reason: "payment_unconfirmed",
    });
  return answerOf(settled);
}

/**
 * Sells a gift card, in the shop (`giftCards.buy`) or at a store's counter (`giftCards.sell`). As every
 * checkout: one transaction writes the card (pending, no value), the provider is asked outside it with
 * the card's id as idempotency key, and a second transaction gives the paid card its value and queues
 * the e-mail with the code through the outbox. A declined payment leaves a void card that never held
 * money. Cash is taken at a counter only, and counts at once.
 */
export async function buyGiftCard(db: Database, actor: Actor, input: BuyGiftCardInput): Promise<SoldGiftCard> {
  if (
    !Number.isInteger(input.amountMinor) ||
    input.amountMinor < GIFT_CARD_MIN_MINOR ||
    input.amountMinor > GIFT_CARD_MAX_MINOR ||
    input.amountMinor % 100 !== 0
  )
    throw badRequest("A gift card carries 20 to 2000 zł in whole złoty.", {
      reason: "gift_card_amount",
      field: "amountMinor",
    });
  if (input.storeId !== undefined && !worksIn(actor, input.storeId)) throw notYourStore();
  if (input.payment.method === "cash" && input.storeId === undefined)
    throw badRequest("Cash is taken only at a store's counter.", { reason: "cash_only_at_counter", field: "payment" });
  const fingerprint = requestFingerprint(actor, input);
  const first = await replay(db, actor, input.idempotencyKey, fingerprint);
  if (first) return first;
  await consumeOrRefuse(db, [["checkout", callerKey(actor)]]);

  let card: GiftCardRow;
  try {
    [card] = (await db
      .insert(giftCards)
      .values({
        code: newGiftCardCode(),
        initialMinor: input.amountMinor,
        channel: actor.channel,
        locationId: input.storeId ?? null,
        buyerEmail: input.email?.toLowerCase() || null,
        buyerUserId: actor.role === "customer" ? (actor.userId ?? null) : null,
        recipientName: input.recipientName ?? input.name ?? null,
        recipientEmail: input.recipientEmail?.toLowerCase() ?? null,
        message: input.message ?? null,
        locale: input.locale ?? "en",
        paymentMethod: input.payment.method,
        soldByUserId: input.storeId !== undefined ? (actor.userId ?? null) : null,
        idempotencyKey: input.idempotencyKey,
        requestFingerprint: fingerprint,
      })
      .returning()) as [GiftCardRow];
  } catch (error) {
    // Two calls with one key at the same moment: the second answers what the first did.
    if (isUniqueViolation(error, "gift_cards_idempotency_key_unique")) {
      const again = await replay(db, actor, input.idempotencyKey, fingerprint);
      if (again) return again;
    }
    throw error;
  }

  const charged = await chargeOutsideTransaction(card, input.payment);
  if (charged.status === "declined") {
    await db.update(giftCards).set({ status: "void" }).where(eq(giftCards.id, card.id));
    throw badRequest(charged.reason, { reason: "payment_declined", field: "payment", method: input.payment.method });
  }
  if (charged.status === "unknown")
    throw conflict("The payment is not confirmed yet. Try again in a minute with the same details.", {
      reason: "payment_unconfirmed",
    });
  const active = await db.transaction((tx) => activate(tx, actor, card.id, charged.ref || null));
  return answerOf(active);
}
