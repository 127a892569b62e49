import { and, desc, eq, inArray, sql } from "drizzle-orm";

import { loyaltyEntries, orders, users, type DbOrTx, type LoyaltyEntryType } from "@omni/db";

import { notFound } from "../kernel";
import { pointsEarnedInYear } from "./earn";
import { pointsBalance } from "./ledger";
import { loyaltySettings, tierFor } from "./settings";

/** The contract's event types: the sweep's expiry shows as an adjustment whose reason is `expired`. */
export type LoyaltyEventType = Exclude<LoyaltyEntryType, "expired">;

/** What the member card's QR code holds: read by the kiosk and the counter to name the member. */
export const memberCardCode = (userId: string) => `OMNI-M:${userId}`;
const CARD_PATTERN = /^(?:OMNI-M:)?([0-9a-f-]{36})$/i;

const openStatuses = ["placed", "picking", "ready_for_pickup", "shipped"] as const;

/** Points the member's open orders will earn once their goods are theirs (before any tier). */
async function pendingPoints(db: DbOrTx, userId: string): Promise<number> {
  const settings = await loyaltySettings(db);
  const [row] = await db
    .select({
      sum: sql<number>`coalesce(sum(floor(greatest(0, ${orders.subtotalMinor} - ${orders.discountMinor} - ${orders.pointsMinor}) / 100.0)), 0)::int`,
    })
    .from(orders)
    .where(and(eq(orders.userId, userId), inArray(orders.status, [...openStatuses])));
  return (row?.sum ?? 0) * settings.pointsPerPln;
}

/** The ledger of a member, newest first, in the contract's shape. */
async function memberEvents(db: DbOrTx, userId: string, limit: number) {
  const rows = await db
    .select()
    .from(loyaltyEntries)
    .where(eq(loyaltyEntries.userId, userId))
    .orderBy(desc(loyaltyEntries.at), desc(loyaltyEntries.id))
    .limit(limit);
  return rows.map((r) => ({
    type: (r.type === "expired" ? "adjusted" : r.type) as LoyaltyEventType,
    points: r.points,
    orderNumber: r.orderNumber ?? undefined,
    channel: r.channel ?? undefined,
    reason: r.type === "expired" ? "expired" : (r.reason ?? undefined),
    at: r.at,
  }));
}

/** `loyalty.get`: balance, pending points, tier and history of the signed-in member. */
export async function getLoyalty(db: DbOrTx, userId: string, now = new Date()) {
  const settings = await loyaltySettings(db);
  const earnedInYear = await pointsEarnedInYear(db, userId, now);
  const tier = tierFor(settings, earnedInYear);
  const next = settings.tiers.find((t) => t.minPoints > earnedInYear) ?? null;
  return {
    points: await pointsBalance(db, userId),
    pending: await pendingPoints(db, userId),
    tier: tier?.name ?? "member",
    earnedInYear,
    nextTier: next ? { name: next.name, pointsToGo: next.minPoints - earnedInYear } : null,
    pointValueMinor: settings.pointValueMinor,
    card: memberCardCode(userId),
    events: await memberEvents(db, userId, 100),
  };
}

/** A member named by e-mail or by the code of their card; NOT_FOUND for anything else. */
export async function findMember(db: DbOrTx, input: { email?: string; card?: string }) {
  const cardId = input.card ? CARD_PATTERN.exec(input.card.trim())?.[1] : undefined;
  if (!input.email && !cardId) throw notFound("This member", "member_not_found");
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(cardId ? eq(users.id, cardId.toLowerCase()) : eq(users.email, input.email!.trim().toLowerCase()));
  if (!user || user.role !== "customer") throw notFound("This member", "member_not_found");
  return user;
}

/** `loyalty.lookup` (staff): the member a clerk sells to, by e-mail or a scanned card. */
export async function lookupMember(db: DbOrTx, input: { email?: string; card?: string }, now = new Date()) {
  const user = await findMember(db, input);
  const settings = await loyaltySettings(db);
  return {
    email: user.email,
    name: user.name,
    points: await pointsBalance(db, user.id),
    tier: tierFor(settings, await pointsEarnedInYear(db, user.id, now))?.name ?? "member",
    pointValueMinor: settings.pointValueMinor,
  };
}

/** The admin's view of a member: balance, tier and the whole ledger with the orders behind it. */
export async function memberLedger(db: DbOrTx, input: { email: string }, now = new Date()) {
  const user = await findMember(db, input);
  const summary = await getLoyalty(db, user.id, now);
  const numbers = [...new Set(summary.events.map((e) => e.orderNumber).filter((n): n is string => !!n))];
  const behind = numbers.length
    ? await db
        .select({
          number: orders.number,
          status: orders.status,
          totalMinor: orders.totalMinor,
          channel: orders.channel,
        })
        .from(orders)
        .where(inArray(orders.number, numbers))
    : [];
  return { email: user.email, name: user.name, ...summary, orders: behind };
}
