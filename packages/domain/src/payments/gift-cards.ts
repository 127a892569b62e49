import { and, desc, eq, sql } from "drizzle-orm";

import { normalizeCode } from "@omni/core";
import { giftCardEntries, giftCards, type Database, type DbOrTx, type GiftCardEntryType, type Tx } from "@omni/db";

import {
  conflict,
  DomainError,
  forbidden,
  isStaff,
  notFound,
  notYourStore,
  randomCode,
  withCodeLimit,
  type Actor,
} from "../kernel";

export type GiftCardRow = typeof giftCards.$inferSelect;

/** Sixteen characters of the readable alphabet (about 78 bits) after `GC`, in groups of four to read aloud. */
export function newGiftCardCode(): string {
  const body = randomCode(16);
  return `GC-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}-${body.slice(12)}`;
}

/** `gc 2345 6789…`, `GC23456789…` and the printed form all mean the same card; anything else is no card. */
export function canonicalGiftCardCode(input: string): string | null {
  const raw = normalizeCode(input);
  if (!/^GC[0-9A-Z]{16}$/.test(raw)) return null;
  return `GC-${raw.slice(2, 6)}-${raw.slice(6, 10)}-${raw.slice(10, 14)}-${raw.slice(14)}`;
}

/** `GC-••••-••••-••••-AB12`: enough for a clerk to match a card in hand, useless to spend. */
export const maskGiftCardCode = (code: string) => `GC-••••-••••-••••-${code.slice(-4)}`;

/**
 * The active card a code names, or NOT_FOUND. Wrong codes count against the caller like every other
 * code guess (kernel/rate-limit.ts), so that codes cannot be found by trying.
 */
export async function findGiftCardByCode(db: Database, actor: Actor, code: string): Promise<GiftCardRow> {
  return withCodeLimit(db, actor, async () => {
    const canonical = canonicalGiftCardCode(code);
    const [card] = canonical ? await db.select().from(giftCards).where(eq(giftCards.code, canonical)) : [];
    if (!card || card.status !== "active")
      throw new DomainError("NOT_FOUND", "This gift card was not found. Check its code.", {
        reason: "gift_card_not_found",
      });
    return card;
  });
}

/** Locks a card's row for the rest of the transaction: every writer of its balance queues here. */
async function lockGiftCard(tx: Tx, giftCardId: string): Promise<GiftCardRow> {
  const [card] = await tx.select().from(giftCards).where(eq(giftCards.id, giftCardId)).for("update");
  if (!card) throw notFound("This gift card", "gift_card_not_found");
  return card;
}

/** Appends one entry and moves the balance by it; a debit larger than the balance is refused, never recorded. */
async function appendGiftCardEntry(
  tx: Tx,
  entry: {
    giftCardId: string;
    type: GiftCardEntryType;
    amountMinor: number;
    orderId?: string;
    orderNumber?: string;
    channel?: string;
  },
): Promise<number> {
  const [moved] = await tx
    .update(giftCards)
    .set({ balanceMinor: sql`${giftCards.balanceMinor} + ${entry.amountMinor}` })
    .where(and(eq(giftCards.id, entry.giftCardId), sql`${giftCards.balanceMinor} + ${entry.amountMinor} >= 0`))
    .returning({ balanceMinor: giftCards.balanceMinor });
  if (!moved) throw conflict("There is not enough money left on this gift card.", { reason: "gift_card_balance" });
  await tx.insert(giftCardEntries).values({
    giftCardId: entry.giftCardId,
    type: entry.type,
    amountMinor: entry.amountMinor,
    orderId: entry.orderId ?? null,
    orderNumber: entry.orderNumber ?? null,
    channel: entry.channel ?? null,
  });
  return moved.balanceMinor;
}

/** A paid card receives its value: the one `issued` entry. */
export async function issueGiftCard(tx: Tx, giftCardId: string, paymentRef: string | null): Promise<GiftCardRow> {
  const card = await lockGiftCard(tx, giftCardId);
  if (card.status !== "pending") return card;
  await tx
    .update(giftCards)
    .set({ status: "active", activatedAt: new Date(), paymentRef })
    .where(eq(giftCards.id, card.id));
  await appendGiftCardEntry(tx, {
    giftCardId: card.id,
    type: "issued",
    amountMinor: card.initialMinor,
    channel: card.channel,
  });
  return { ...card, status: "active", balanceMinor: card.initialMinor, paymentRef };
}

/**
 * What a checkout may take from a card: its balance under the card's row lock, which the checkout's
 * transaction keeps until it commits, so the amount it then spends is still there.
 */
export async function lockedGiftCardBalance(tx: Tx, giftCardId: string): Promise<number> {
  const card = await lockGiftCard(tx, giftCardId);
  return card.status === "active" ? card.balanceMinor : 0;
}

/**
 * Spends from a card for an order, under the card's row lock. Asking for more than the balance is a
 * CONFLICT that changes nothing: two checkouts racing for one card never take more than it holds.
 */
export async function spendGiftCard(
  tx: Tx,
  input: { giftCardId: string; amountMinor: number; orderId: string; orderNumber: string; channel: string },
) {
  if (input.amountMinor <= 0) return;
  const card = await lockGiftCard(tx, input.giftCardId);
  if (card.status !== "active") throw conflict("This gift card cannot be used.", { reason: "gift_card_not_found" });
  if (card.balanceMinor < input.amountMinor)
    throw conflict("There is not enough money left on this gift card. Check its balance and try again.", {
      reason: "gift_card_balance",
      balanceMinor: card.balanceMinor,
    });
  await appendGiftCardEntry(tx, { ...input, type: "spent", amountMinor: -input.amountMinor });
}

/** Per card spent on an order: what it paid and what it has had back since. */
async function cardsOfOrder(tx: Tx, orderId: string) {
  return tx
    .select({
      giftCardId: giftCardEntries.giftCardId,
      spentMinor: sql<number>`coalesce(-sum(${giftCardEntries.amountMinor}) filter (where ${giftCardEntries.type} = 'spent'), 0)::int`,
      backMinor: sql<number>`coalesce(sum(${giftCardEntries.amountMinor}) filter (where ${giftCardEntries.type} in ('refunded', 'restored')), 0)::int`,
    })
    .from(giftCardEntries)
    .where(eq(giftCardEntries.orderId, orderId))
    .groupBy(giftCardEntries.giftCardId)
    .orderBy(giftCardEntries.giftCardId);
}

/** What gift cards have had back from an order's refunds so far. */
export async function giftCardsRefundedOnOrder(tx: Tx, orderId: string): Promise<number> {
  const [row] = await tx
    .select({ total: sql<number>`coalesce(sum(${giftCardEntries.amountMinor}), 0)::int` })
    .from(giftCardEntries)
    .where(and(eq(giftCardEntries.orderId, orderId), eq(giftCardEntries.type, "refunded")));
  return row?.total ?? 0;
}

/**
 * Gives the cards that paid an order up to `amountMinor` back (each at most what it paid less what it
 * already got back), as `refunded` entries, or `restored` when the order never was. Returns what went back.
 */
export async function returnToGiftCards(
  tx: Tx,
  input: { orderId: string; orderNumber?: string; amountMinor: number; type: "refunded" | "restored" },
): Promise<number> {
  let left = input.amountMinor;
  for (const card of await cardsOfOrder(tx, input.orderId)) {
    if (left <= 0) break;
    const give = Math.min(left, card.spentMinor - card.backMinor);
    if (give <= 0) continue;
    await lockGiftCard(tx, card.giftCardId);
    await appendGiftCardEntry(tx, {
      giftCardId: card.giftCardId,
      type: input.type,
      amountMinor: give,
      orderId: input.orderId,
      orderNumber: input.orderNumber,
    });
    left -= give;
  }
  return input.amountMinor - left;
}

/** A checkout that never became an order gives its cards everything back. */
export async function undoGiftCardSpend(tx: Tx, orderId: string) {
  await returnToGiftCards(tx, { orderId, amountMinor: Number.MAX_SAFE_INTEGER, type: "restored" });
}

export type GiftCardBalance = {
  lastFour: string;
  balanceMinor: number;
  initialMinor: number;
  currency: string;
  activatedAt: Date | null;
};

/**
 * `giftCards.lookup` (anyone): the balance of the card a code names. The code is the bearer secret,
 * so the answer repeats only its last four characters; wrong codes are rate-limited like every code.
 */
export async function lookupGiftCard(db: Database, actor: Actor, input: { code: string }): Promise<GiftCardBalance> {
  const card = await findGiftCardByCode(db, actor, input.code);
  return {
    lastFour: card.code.slice(-4),
    balanceMinor: card.balanceMinor,
    initialMinor: card.initialMinor,
    currency: card.currency,
    activatedAt: card.activatedAt,
  };
}

/**
 * `giftCards.list` (staff of that store; admins any or all): cards sold there, newest first, with
 * their codes masked: a clerk can match a card in hand by its last four, never spend one from the list.
 */
export async function listGiftCards(db: DbOrTx, actor: Actor, input: { storeId?: string; limit?: number }) {
  if (!isStaff(actor)) throw forbidden("Only staff can list gift cards.", { reason: "staff_only" });
  if (!input.storeId && actor.role !== "admin")
    throw forbidden("Choose one of your stores.", { reason: "staff_store_required" });
  if (input.storeId && actor.role !== "admin" && !actor.storeIds.includes(input.storeId)) throw notYourStore();
  const rows = await db
    .select()
    .from(giftCards)
    .where(input.storeId ? eq(giftCards.locationId, input.storeId) : undefined)
    .orderBy(desc(giftCards.createdAt))
    .limit(input.limit ?? 50);
  return rows.map((card) => ({
    id: card.id,
    code: maskGiftCardCode(card.code),
    status: card.status,
    channel: card.channel,
    storeId: card.locationId,
    initialMinor: card.initialMinor,
    balanceMinor: card.balanceMinor,
    currency: card.currency,
    paymentMethod: card.paymentMethod,
    createdAt: card.createdAt,
  }));
}
