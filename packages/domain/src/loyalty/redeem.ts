import { and, eq } from "drizzle-orm";

import { loyaltyEntries, orders, type Tx } from "@omni/db";

import { badRequest, conflict, type Actor } from "../kernel";
import { appendEntry, isMember, lockMember, orderPoints, pointsBalance } from "./ledger";
import { expiryOf, loyaltySettings } from "./settings";

/**
 * What redeeming `points` on goods worth `goodsMinor` comes to, checked against the contract's limits
 * (a member only, at most the goods total). The balance is checked under the member's lock when spent.
 */
export async function pointsPayment(
  tx: Tx,
  input: { userId: string | null | undefined; points: number; goodsMinor: number },
): Promise<{ points: number; minor: number }> {
  if (!input.points) return { points: 0, minor: 0 };
  if (!(await isMember(tx, input.userId)))
    throw badRequest("Only signed-in members can pay with loyalty points.", {
      reason: "points_sign_in",
      field: "redeemPoints",
    });
  const balance = await pointsBalance(tx, input.userId!);
  if (input.points > balance)
    throw badRequest(`You have ${balance} points; you cannot redeem ${input.points}.`, {
      reason: "points_redeem_too_many",
      balance,
      points: input.points,
      field: "redeemPoints",
    });
  const { pointValueMinor } = await loyaltySettings(tx);
  const minor = input.points * pointValueMinor;
  if (minor > input.goodsMinor)
    throw badRequest(
      `You can redeem at most ${Math.floor(input.goodsMinor / pointValueMinor)} points on these goods.`,
      { reason: "points_redeem_cap", max: Math.floor(input.goodsMinor / pointValueMinor), field: "redeemPoints" },
    );
  return { points: input.points, minor };
}

/** Spends a member's points on an order, under the member's lock: CONFLICT when the balance is smaller. */
export async function redeemForOrder(
  tx: Tx,
  actor: Actor,
  input: { userId: string; points: number; orderId: string; orderNumber: string; channel: string },
): Promise<void> {
  if (input.points <= 0) return;
  const member = await lockMember(tx, input.userId);
  if (member.points < input.points)
    throw conflict(`You have ${member.points} points; you cannot redeem ${input.points}.`, {
      reason: "points_redeem_too_many",
      points: input.points,
      balance: member.points,
    });
  await appendEntry(tx, {
    userId: input.userId,
    type: "redeemed",
    points: -input.points,
    orderId: input.orderId,
    orderNumber: input.orderNumber,
    channel: input.channel,
    actorUserId: actor.userId ?? null,
  });
}

/** Redeemed on the order and not yet given back (by a cancellation or returns). */
async function outstandingRedemption(tx: Tx, orderId: string): Promise<number> {
  const redeemed = -(await orderPoints(tx, orderId, ["redeemed"]));
  const restored = await orderPoints(tx, orderId, ["restored"]);
  return Math.max(0, redeemed - restored);
}

/**
 * Gives back points spent on an order that will not be fulfilled (cancelled, expired, payment declined),
 * in the transaction that ends it. Only what returns did not already give back.
 */
export async function restoreRedeemedPoints(
  tx: Tx,
  actor: Actor,
  order: { id: string; number: string; channel: string; userId: string | null },
  reason: string,
): Promise<number> {
  const [redemption] = await tx
    .select({ userId: loyaltyEntries.userId })
    .from(loyaltyEntries)
    .where(and(eq(loyaltyEntries.orderId, order.id), eq(loyaltyEntries.type, "redeemed")))
    .limit(1);
  if (!redemption) return 0;
  await lockMember(tx, redemption.userId);
  const points = await outstandingRedemption(tx, order.id);
  if (points <= 0) return 0;
  const settings = await loyaltySettings(tx);
  await appendEntry(tx, {
    userId: redemption.userId,
    type: "restored",
    points,
    orderId: order.id,
    orderNumber: order.number,
    channel: order.channel,
    reason,
    actorUserId: actor.userId ?? null,
    expiresAt: expiryOf(settings, new Date()),
  });
  return points;
}

/**
 * A received return: the points spent on its goods come back (their share, fixed when the return was
 * made) and the points the goods earned are taken back in proportion to what they were worth. A member
 * who already spent those points keeps a balance of zero rather than going below it.
 */
export async function settleReturnPoints(
  tx: Tx,
  actor: Actor,
  input: { orderId: string; returnId: string; pointsBack: number; goodsWorthMinor: number },
): Promise<{ restored: number; reversed: number }> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, input.orderId));
  if (!order?.userId || !(await isMember(tx, order.userId))) return { restored: 0, reversed: 0 };
  const userId = order.userId;
  await lockMember(tx, userId);
  const common = {
    userId,
    orderId: order.id,
    orderNumber: order.number,
    returnId: input.returnId,
    channel: order.channel,
    actorUserId: actor.userId ?? null,
  };
  const restored = Math.min(input.pointsBack, await outstandingRedemption(tx, order.id));
  if (restored > 0) {
    const settings = await loyaltySettings(tx);
    await appendEntry(tx, { ...common, type: "restored", points: restored, expiresAt: expiryOf(settings, new Date()) });
  }
  const earned = await orderPoints(tx, order.id, ["earned"]);
  const alreadyReversed = -(await orderPoints(tx, order.id, ["reversed"]));
  const goodsMinor = order.subtotalMinor - order.discountMinor;
  const share = goodsMinor > 0 ? Math.floor((earned * Math.min(input.goodsWorthMinor, goodsMinor)) / goodsMinor) : 0;
  const balance = (await lockMember(tx, userId)).points;
  const reversed = Math.min(share, earned - alreadyReversed, balance);
  if (reversed > 0) await appendEntry(tx, { ...common, type: "reversed", points: -reversed });
  return { restored, reversed };
}
