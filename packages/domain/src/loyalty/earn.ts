import { and, eq, gt, inArray, ne, sql } from "drizzle-orm";

import { loyaltyEntries, orderLines, orders, type DbOrTx, type Tx } from "@omni/db";

import type { Actor } from "../kernel";
import { appendEntry, isMember, lockMember } from "./ledger";
import { expiryOf, loyaltySettings, tierFor, type LoyaltySettings } from "./settings";

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export type EarningOrder = Pick<
  typeof orders.$inferSelect,
  "id" | "number" | "channel" | "userId" | "subtotalMinor" | "discountMinor" | "pointsMinor"
>;

/**
 * What the member paid for the goods they kept: the lines not declined at the counter, after their
 * share of the order discount and minus the points spent on them; shipping never counts.
 */
export async function goodsPaidMinor(db: DbOrTx, order: EarningOrder): Promise<number> {
  const [kept] = await db
    .select({
      minor: sql<number>`coalesce(sum((${orderLines.quantity} - ${orderLines.declinedQuantity}) * ${orderLines.unitPriceMinor}), 0)::int`,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id));
  const keptMinor = kept?.minor ?? 0;
  if (order.subtotalMinor <= 0) return 0;
  const afterDiscount = Math.floor((keptMinor * (order.subtotalMinor - order.discountMinor)) / order.subtotalMinor);
  return Math.max(0, afterDiscount - order.pointsMinor);
}

/** Points earned (type `earned`) in the 12 months before `at`: what the tier is computed from. */
export async function pointsEarnedInYear(db: DbOrTx, userId: string, at: Date): Promise<number> {
  const [row] = await db
    .select({ sum: sql<number>`coalesce(sum(${loyaltyEntries.points}), 0)::int` })
    .from(loyaltyEntries)
    .where(
      and(
        eq(loyaltyEntries.userId, userId),
        eq(loyaltyEntries.type, "earned"),
        gt(loyaltyEntries.at, new Date(at.getTime() - YEAR_MS)),
      ),
    );
  return row?.sum ?? 0;
}

/** The base points for paying `paidMinor` for goods, before any tier. */
export const basePoints = (settings: LoyaltySettings, paidMinor: number) =>
  Math.floor(paidMinor / 100) * settings.pointsPerPln;

/**
 * Whether this is the member's first completed order in its channel: no bonus for that channel yet and no
 * other order of theirs in it collected or delivered before.
 */
async function firstInChannel(tx: Tx, order: EarningOrder & { userId: string }): Promise<boolean> {
  const [bonus] = await tx
    .select({ id: loyaltyEntries.id })
    .from(loyaltyEntries)
    .where(
      and(
        eq(loyaltyEntries.userId, order.userId),
        eq(loyaltyEntries.type, "bonus"),
        eq(loyaltyEntries.channel, order.channel),
      ),
    )
    .limit(1);
  if (bonus) return false;
  const [earlier] = await tx
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(orders.userId, order.userId),
        eq(orders.channel, order.channel),
        ne(orders.id, order.id),
        inArray(orders.status, ["collected", "delivered"]),
      ),
    )
    .limit(1);
  return !earlier;
}

/**
 * Credits the points of an order whose goods became the member's (collected, delivered, sold at a
 * counter), in the transaction that made it so, and the cross-channel bonus when this is the member's
 * first completed order in that channel. An order earns once (a unique index backs the check).
 */
export async function earnForOrder(
  tx: Tx,
  actor: Actor,
  order: EarningOrder,
  at = new Date(),
): Promise<{ earned: number; bonus: number }> {
  if (!order.userId || !(await isMember(tx, order.userId))) return { earned: 0, bonus: 0 };
  const userId = order.userId;
  await lockMember(tx, userId);
  const [already] = await tx
    .select({ id: loyaltyEntries.id })
    .from(loyaltyEntries)
    .where(and(eq(loyaltyEntries.orderId, order.id), eq(loyaltyEntries.type, "earned")))
    .limit(1);
  if (already) return { earned: 0, bonus: 0 };
  const settings = await loyaltySettings(tx);
  const tier = tierFor(settings, await pointsEarnedInYear(tx, userId, at));
  const earned = Math.floor(basePoints(settings, await goodsPaidMinor(tx, order)) * (tier?.multiplier ?? 1));
  const common = {
    userId,
    orderId: order.id,
    orderNumber: order.number,
    channel: order.channel,
    actorUserId: actor.userId ?? null,
    expiresAt: expiryOf(settings, at),
    at,
  };
  if (earned > 0) await appendEntry(tx, { ...common, type: "earned", points: earned, reason: tier?.name ?? null });
  const bonus =
    settings.channelBonus > 0 && (await firstInChannel(tx, { ...order, userId })) ? settings.channelBonus : 0;
  if (bonus > 0) await appendEntry(tx, { ...common, type: "bonus", points: bonus });
  return { earned, bonus };
}
