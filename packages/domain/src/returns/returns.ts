import { and, eq, inArray, sql } from "drizzle-orm";

import { locations, returnLines, returns, type Database, type Tx } from "@omni/db";

import {
  badRequest,
  conflict,
  nextReturnNumber,
  notYourStore,
  recordAudit,
  withCodeLimit,
  worksIn,
  type Actor,
} from "../kernel";
import { refundedSoFar } from "../payments";
import { findLocation, getStore } from "../stores";
import { paidPerLine, refundForUnits } from "./return-amounts";
import { exchangeWorth, priceExchange } from "./return-exchange";
import {
  describeReturn,
  findOrderForReturn,
  findReturnByNumber,
  findReturnForShopper,
  type Order,
} from "./return-lookup";
import { sendReturnRejected, sendReturnSlip } from "./return-messages";
import { loadPolicyOrder, loadReturnPolicy, orderEligibility, type OrderEligibility } from "./return-policy";
import { moveReturn, recordReturnEvent } from "./return-state-machine";

/**
 * Returns as the shopper starts them, in any channel: what can be returned, registering a return
 * (with its slip), cancelling it while it is still only requested, and staff rejecting one.
 * Receiving the goods and refunding is in return-receive.ts.
 */

export type ReturnReason = "wrong_size" | "damaged" | "not_as_described" | "changed_mind" | "other";
export type ReturnMethod = { type: "in_store"; storeId: string } | { type: "mail" };

async function eligibilityOf(db: Database | Tx, order: Order, now: Date) {
  const [policy, loaded] = await Promise.all([loadReturnPolicy(db), loadPolicyOrder(db, order)]);
  return { ...orderEligibility(loaded.order, loaded.lines, policy, now), policyLines: loaded.lines };
}

/** `returns.eligibility`: every line of the order, how many units may be returned now, and if none, why. */
export async function getReturnEligibility(
  db: Database,
  actor: Actor,
  input: { orderNumber: string; email?: string },
  now = new Date(),
): Promise<OrderEligibility & { orderNumber: string; currency: string }> {
  const order = await withCodeLimit(db, actor, () => findOrderForReturn(db, actor, input));
  const { policyLines: _lines, ...eligibility } = await eligibilityOf(db, order, now);
  return { orderNumber: order.number, currency: order.currency, ...eligibility };
}

/** What was paid and not yet refunded or promised to another open return: no return may ask for more. */
async function refundableLeft(tx: Tx, order: Order): Promise<number> {
  const refunded = await refundedSoFar(tx, order.id);
  const [open] = await tx
    .select({ total: sql<number>`coalesce(sum(${returns.refundMinor}), 0)::int` })
    .from(returns)
    .where(and(eq(returns.orderId, order.id), inArray(returns.status, ["requested", "received"])));
  const paid = order.paidMinor + order.storeCreditMinor + order.giftCardMinor;
  return Math.max(
    0,
    paid - refunded.toPaymentMinor - refunded.toCreditMinor - refunded.toGiftCardMinor - (open?.total ?? 0),
  );
}

/** Where mail returns are sent: the warehouse. */
async function mailReturnsAddress(tx: Tx) {
  const [warehouse] = await tx
    .select()
    .from(locations)
    .where(eq(locations.type, "warehouse"))
    .orderBy(locations.id)
    .limit(1);
  return warehouse ?? null;
}

type CreateReturnInput = {
  orderNumber: string;
  email?: string;
  lines: { lineId: string; quantity: number; reason: ReturnReason }[];
  method: ReturnMethod;
  refundTo: "original" | "store_credit";
  idempotencyKey: string;
  /** An exchange: replacement goods instead of (part of) the refund. */
  exchange?: { sku: string; quantity: number }[];
};

export type CreatedReturn = {
  returnNumber: string;
  status: "requested";
  refundMinor: number;
  currency: string;
  /** What a dearer replacement costs on top (an exchange); refundMinor is then 0. */
  amountDueMinor?: number;
};

function refuseRepeatedLines(lines: { lineId: string }[]) {
  const seen = new Set<string>();
  for (const line of lines) {
    if (seen.has(line.lineId))
      throw badRequest("List each item once, with the number of units to return.", { reason: "return_line_repeated" });
    seen.add(line.lineId);
  }
}

/**
 * What a return of these units is worth, in one place for `returns.create` and `returns.quote`, so the
 * figure a shopper sees before confirming is the one the return is then written with.
 */
async function returnAmounts(tx: Tx, order: Order, input: Pick<CreateReturnInput, "lines" | "exchange">, now: Date) {
  const eligibility = await eligibilityOf(tx, order, now);
  const byId = new Map(eligibility.lines.map((l) => [l.lineId, l]));
  const policyById = new Map(eligibility.policyLines.map((l) => [l.lineId, l]));
  const linePaid = paidPerLine(
    eligibility.policyLines.map((l) => ({
      lineId: l.lineId,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
    })),
    Math.min(order.totalMinor, order.subtotalMinor - order.discountMinor),
  );

  let refundMinor = 0;
  for (const wanted of input.lines) {
    const line = byId.get(wanted.lineId);
    const policyLine = policyById.get(wanted.lineId);
    if (!line || !policyLine)
      throw badRequest(`That item is not part of order ${order.number}.`, {
        reason: "order_line_unknown",
        order: order.number,
        lineId: wanted.lineId,
      });
    if (line.returnableQuantity === 0)
      throw badRequest(`${line.title}: ${line.reason}`, {
        reason: "return_not_allowed",
        item: line.title,
        lineId: line.lineId,
        reasonCode: line.reasonCode,
      });
    if (wanted.quantity > line.returnableQuantity) {
      throw badRequest(
        `You can return at most ${line.returnableQuantity} of ${line.title} (you asked for ${wanted.quantity}).`,
        {
          reason: "return_too_many_units",
          item: line.title,
          asked: wanted.quantity,
          lineId: line.lineId,
          returnableQuantity: line.returnableQuantity,
        },
      );
    }
    refundMinor += refundForUnits({
      linePaidMinor: linePaid.get(line.lineId) ?? 0,
      quantity: policyLine.quantity,
      alreadyCounted: policyLine.declinedQuantity + policyLine.returnedQuantity,
      units: wanted.quantity,
    });
  }
  // Goods bought partly with points give back points and money in proportion to what they were worth.
  const goodsWorthMinor = refundMinor;
  const goodsMinor = order.subtotalMinor - order.discountMinor;
  const share = (whole: number) => (goodsMinor > 0 ? Math.floor((whole * goodsWorthMinor) / goodsMinor) : 0);
  const pointsBack = share(order.pointsRedeemed);
  refundMinor = Math.min(refundMinor - share(order.pointsMinor), await refundableLeft(tx, order));
  // An exchange: the returned goods pay for the replacement; the rest is refunded or still to pay.
  const exchange = input.exchange?.length ? await priceExchange(tx, input.exchange) : null;
  const replacementMinor = exchangeWorth(exchange);
  const amountDueMinor = Math.max(0, replacementMinor - refundMinor);
  refundMinor = Math.max(0, refundMinor - replacementMinor);

  return { eligibility, byId, refundMinor, goodsWorthMinor, pointsBack, exchange, amountDueMinor };
}

export type ReturnQuote = {
  refundMinor: number;
  currency: string;
  /** Set for an exchange: what a dearer replacement costs on top (0 when the returned goods pay for it). */
  amountDueMinor?: number;
  exchange?: { sku: string; title: string; quantity: number; unitPriceMinor: number }[];
};

/**
 * `returns.quote`: what `returns.create` would promise for these units (and replacement), without
 * writing anything, so a kiosk or counter can show the refund or the amount due before the shopper confirms.
 */
export async function quoteReturn(
  db: Database,
  actor: Actor,
  input: Pick<CreateReturnInput, "orderNumber" | "email" | "lines" | "exchange">,
  now = new Date(),
): Promise<ReturnQuote> {
  refuseRepeatedLines(input.lines);
  await withCodeLimit(db, actor, () => findOrderForReturn(db, actor, input));
  return db.transaction(async (tx) => {
    const order = await findOrderForReturn(tx, actor, input);
    const amounts = await returnAmounts(tx, order, input, now);
    return {
      refundMinor: amounts.refundMinor,
      currency: order.currency,
      ...(amounts.exchange
        ? {
            amountDueMinor: amounts.amountDueMinor,
            exchange: amounts.exchange.map(({ sku, title, quantity, unitPriceMinor }) => ({
              sku,
              title,
              quantity,
              unitPriceMinor,
            })),
          }
        : {}),
    };
  });
}

/**
 * `returns.create`: registers a return of some units of a delivered or collected order, promises a
 * refund of what was paid for them and sends the slip. The order row is locked, so two returns
 * started at once cannot both take the last returnable unit.
 */
export async function createReturn(
  db: Database,
  actor: Actor,
  input: CreateReturnInput,
  now = new Date(),
): Promise<CreatedReturn> {
  refuseRepeatedLines(input.lines);
  const found = await withCodeLimit(db, actor, () => findOrderForReturn(db, actor, input));

  return db.transaction(async (tx) => {
    const order = await findOrderForReturn(tx, actor, input, { lock: true });
    const [earlier] = await tx.select().from(returns).where(eq(returns.idempotencyKey, input.idempotencyKey));
    if (earlier) {
      if (earlier.orderId !== found.id)
        throw conflict("This request key was already used for another return. Start a new return.", {
          reason: "idempotency_key_reused",
        });
      return {
        returnNumber: earlier.number,
        status: "requested" as const,
        refundMinor: earlier.refundMinor,
        currency: order.currency,
        ...(earlier.exchange ? { amountDueMinor: earlier.amountDueMinor } : {}),
      };
    }

    const store = input.method.type === "in_store" ? await findLocation(tx, input.method.storeId) : null;
    if (store && (!store.returns || store.type !== "store")) {
      throw badRequest(`${store.name} does not take returns. Choose another store or send the items by mail.`, {
        reason: "store_no_returns",
        store: store.name,
      });
    }

    const { eligibility, byId, refundMinor, goodsWorthMinor, pointsBack, exchange, amountDueMinor } =
      await returnAmounts(tx, order, input, now);

    const returnNumber = await nextReturnNumber(tx);
    const [created] = await tx
      .insert(returns)
      .values({
        number: returnNumber,
        orderId: order.id,
        status: "requested",
        channel: actor.channel,
        method: input.method.type,
        storeId: store?.id ?? null,
        refundTo: input.refundTo,
        refundMinor,
        goodsWorthMinor,
        pointsBack,
        exchange,
        amountDueMinor,
        email: order.email,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
      })
      .returning();
    await tx.insert(returnLines).values(
      input.lines.map((l) => ({
        returnId: created!.id,
        orderLineId: l.lineId,
        quantity: l.quantity,
        reason: l.reason,
      })),
    );
    await recordReturnEvent(tx, {
      returnId: created!.id,
      type: "requested",
      from: null,
      to: "requested",
      actor,
      at: now,
    });
    await sendReturnSlip(tx, {
      to: order.email,
      locale: order.locale,
      returnNumber,
      orderNumber: order.number,
      method: input.method.type,
      store,
      shipTo: store ? null : await mailReturnsAddress(tx),
      lines: input.lines.map((l) => ({
        sku: byId.get(l.lineId)!.sku,
        title: byId.get(l.lineId)!.title,
        titlePl: byId.get(l.lineId)!.titlePl,
        quantity: l.quantity,
      })),
      refundMinor,
      currency: order.currency,
      refundTo: input.refundTo,
      deadline: eligibility.deadline,
    });
    await recordAudit(tx, actor, {
      action: "returns.create",
      entityType: "return",
      entityId: returnNumber,
      storeId: store?.id,
      after: {
        orderNumber: order.number,
        lines: input.lines,
        refundMinor,
        method: input.method,
        refundTo: input.refundTo,
      },
    });
    return {
      returnNumber,
      status: "requested" as const,
      refundMinor,
      currency: order.currency,
      ...(exchange ? { amountDueMinor } : {}),
    };
  });
}

/** `returns.get`: a shopper's view of their return, with its timeline. */
export async function getReturn(db: Database, actor: Actor, input: { returnNumber: string; email?: string }) {
  const ret = await withCodeLimit(db, actor, () => findReturnForShopper(db, actor, input));
  return describeReturn(db, ret);
}

/** `returns.cancel`: the shopper changes their mind before bringing the items in. */
export async function cancelReturn(db: Database, actor: Actor, input: { returnNumber: string; email?: string }) {
  const found = await withCodeLimit(db, actor, () => findReturnForShopper(db, actor, input));
  return db.transaction(async (tx) => {
    const [ret] = await tx.select().from(returns).where(eq(returns.id, found.id)).for("update");
    await moveReturn(tx, { returnId: ret!.id, from: ret!.status, to: "cancelled", actor });
    await recordAudit(tx, actor, {
      action: "returns.cancel",
      entityType: "return",
      entityId: ret!.number,
      before: { status: ret!.status },
      after: { status: "cancelled" },
    });
    return describeReturn(tx, { ...ret!, status: "cancelled" });
  });
}

/** `returns.reject`: staff refuse a requested return (for example goods that are not ours); its units count as not returned again. */
export async function rejectReturn(
  db: Database,
  actor: Actor,
  input: { returnNumber: string; storeId: string; reason: string },
) {
  if (!worksIn(actor, input.storeId)) throw notYourStore();
  return db.transaction(async (tx) => {
    const ret = await findReturnByNumber(tx, input.returnNumber, { lock: true });
    await moveReturn(tx, { returnId: ret.id, from: ret.status, to: "rejected", actor });
    const store = await getStore(tx, input.storeId);
    await sendReturnRejected(tx, {
      to: ret.email,
      returnNumber: ret.number,
      storeName: store.name,
      reason: input.reason,
    });
    await recordAudit(tx, actor, {
      action: "returns.reject",
      entityType: "return",
      entityId: ret.number,
      storeId: input.storeId,
      before: { status: ret.status },
      after: { status: "rejected", reason: input.reason },
    });
    return describeReturn(tx, { ...ret, status: "rejected" });
  });
}
