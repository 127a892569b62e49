import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";

import { normalizeOrderNumber, normalizeReturnNumber } from "@omni/core";
import {
  orderLines,
  orders,
  returnEvents,
  returnLines,
  returns,
  users,
  type DbOrTx,
  type ReturnStatus,
} from "@omni/db";

import { badRequest, DomainError, forbidden, isStaff, notYourStore, worksIn, type Actor } from "../kernel";
import { exchangeOrderNumber } from "./return-exchange";

/**
 * Finding orders and returns for the returns desk. A shopper proves an order or a return is theirs
 * with its number and the e-mail address on the order, or by being signed in as its owner; staff
 * find any. A wrong pair is NOT_FOUND, never a hint that the number exists.
 */

export type Order = typeof orders.$inferSelect;
export type Return = typeof returns.$inferSelect;

/** Order and return numbers are letters, digits and dashes: anything else matches nothing and never reaches SQL. */
const wellFormed = (number: string) => /^[A-Z0-9-]{1,64}$/.test(number);

/** Who may see an order or a return: the e-mail on it, its signed-in owner, or staff when no e-mail is given. */
function ownerCondition(
  actor: Actor,
  email: string | undefined,
  columns: { email: typeof orders.email | typeof returns.email; userId: typeof orders.userId },
): SQL | undefined {
  const byOwner = actor.userId ? eq(columns.userId, actor.userId) : undefined;
  if (email) return or(sql`lower(${columns.email}) = ${email.trim().toLowerCase()}`, byOwner);
  if (byOwner) return isStaff(actor) ? undefined : byOwner;
  if (isStaff(actor)) return undefined;
  throw badRequest("Enter the e-mail address used for the order.", { reason: "email_required" });
}

export async function findOrderForReturn(
  db: DbOrTx,
  actor: Actor,
  input: { orderNumber: string; email?: string },
  options: { lock?: boolean } = {},
): Promise<Order> {
  const number = normalizeOrderNumber(input.orderNumber);
  const owner = ownerCondition(actor, input.email, { email: orders.email, userId: orders.userId });
  if (!wellFormed(number))
    throw new DomainError("NOT_FOUND", "We could not find that order. Check the number and try again.", {
      reason: "return_order_not_found",
    });
  const query = db
    .select()
    .from(orders)
    .where(and(eq(orders.number, number), owner));
  const [order] = options.lock ? await query.for("update") : await query;
  if (!order) {
    throw new DomainError(
      "NOT_FOUND",
      `We could not find order ${number} with that e-mail address. Check both and try again.`,
      { reason: "return_order_not_found", order: number },
    );
  }
  return order;
}

export const returnNotFound = (number: string) =>
  new DomainError(
    "NOT_FOUND",
    wellFormed(number)
      ? `We could not find return ${number} with that e-mail address. Check both and try again.`
      : "We could not find that return. Check the number on the slip.",
    { reason: "return_not_found" },
  );

/** A return a shopper asks about (number + e-mail, or signed-in owner of the order). */
export async function findReturnForShopper(
  db: DbOrTx,
  actor: Actor,
  input: { returnNumber: string; email?: string },
): Promise<Return> {
  const number = normalizeReturnNumber(input.returnNumber);
  const owner = ownerCondition(actor, input.email, { email: returns.email, userId: orders.userId });
  if (!wellFormed(number)) throw returnNotFound(number);
  const [row] = await db
    .select({ ret: returns })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(and(eq(returns.number, number), owner));
  if (!row) throw returnNotFound(number);
  return row.ret;
}

/** A return found by its number alone (staff at the counter, scanning the slip). */
export async function findReturnByNumber(
  db: DbOrTx,
  returnNumber: string,
  options: { lock?: boolean } = {},
): Promise<Return> {
  const number = normalizeReturnNumber(returnNumber);
  if (!wellFormed(number))
    throw new DomainError("NOT_FOUND", "We could not find that return. Check the number on the slip.", {
      reason: "return_not_found",
    });
  const query = db.select().from(returns).where(eq(returns.number, number));
  const [ret] = options.lock ? await query.for("update") : await query;
  if (!ret)
    throw new DomainError("NOT_FOUND", `Return ${number} was not found. Check the number on the slip.`, {
      reason: "return_not_found",
      returnNumber: number,
    });
  return ret;
}

/** Everything about a return that a shopper or a clerk is shown: its lines and its timeline. */
export async function describeReturn(db: DbOrTx, ret: Return) {
  const view = await describeReturnWithActors(db, ret);
  // Shoppers see what happened and when, never which member of staff did it: staff e-mail addresses
  // are not theirs to know (and would name targets for phishing).
  return { ...view, events: view.events.map(({ actorEmail: _actor, ...event }) => event) };
}

/** The timeline with who did each step, for staff. */
async function describeReturnWithActors(db: DbOrTx, ret: Return) {
  const [order] = await db
    .select({
      number: orders.number,
      name: orders.name,
      channel: orders.channel,
      locationId: orders.locationId,
      currency: orders.currency,
    })
    .from(orders)
    .where(eq(orders.id, ret.orderId));
  const lines = await db
    .select({
      lineId: returnLines.orderLineId,
      sku: orderLines.sku,
      title: orderLines.title,
      titlePl: orderLines.titlePl,
      quantity: returnLines.quantity,
      unitPriceMinor: orderLines.unitPriceMinor,
      reason: returnLines.reason,
      condition: returnLines.condition,
    })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .where(eq(returnLines.returnId, ret.id))
    .orderBy(asc(orderLines.sku));
  const events = await db
    .select({
      type: returnEvents.type,
      fromStatus: returnEvents.fromStatus,
      toStatus: returnEvents.toStatus,
      channel: returnEvents.channel,
      at: returnEvents.at,
      actorEmail: users.email,
    })
    .from(returnEvents)
    .leftJoin(users, eq(users.id, returnEvents.actorUserId))
    .where(eq(returnEvents.returnId, ret.id))
    .orderBy(asc(returnEvents.at), asc(returnEvents.type));
  return {
    returnNumber: ret.number,
    status: ret.status,
    refundMinor: ret.refundMinor,
    amountDueMinor: ret.exchange ? ret.amountDueMinor : undefined,
    exchange: ret.exchange?.map((l) => ({
      sku: l.sku,
      title: l.title,
      titlePl: l.titlePl ?? null,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
    })),
    exchangeOrderNumber: await exchangeOrderNumber(db, ret.exchangeOrderId),
    currency: order?.currency ?? "PLN",
    refundTo: ret.refundTo,
    orderNumber: order?.number ?? "",
    channel: ret.channel,
    method:
      ret.method === "in_store" ? { type: "in_store" as const, storeId: ret.storeId! } : { type: "mail" as const },
    storeId: ret.storeId,
    receivedStoreId: ret.receivedStoreId,
    createdAt: ret.createdAt,
    receivedAt: ret.receivedAt,
    refundedAt: ret.refundedAt,
    lines,
    events,
  };
}

export type ReturnView = Awaited<ReturnType<typeof describeReturn>>;

/** The staff view adds who the shopper is, so the clerk can check it at the counter. */
export async function describeReturnForStaff(db: DbOrTx, ret: Return) {
  const view = await describeReturnWithActors(db, ret);
  const [order] = await db
    .select({ name: orders.name, phone: orders.phone })
    .from(orders)
    .where(eq(orders.id, ret.orderId));
  return { ...view, email: ret.email, customerName: order?.name ?? "", phone: order?.phone ?? null };
}

/** `returns.lookup`: the counter scans the slip's QR code (the return number) and sees what to take back. */
export async function lookupReturn(db: DbOrTx, actor: Actor, input: { returnNumber: string }) {
  if (!isStaff(actor)) throw forbidden("Only store staff can do this.", { reason: "staff_only" });
  return describeReturnForStaff(db, await findReturnByNumber(db, input.returnNumber));
}

/** Returns for staff: those due at or received in their stores (admins: all), newest first. */
export async function listReturns(
  db: DbOrTx,
  actor: Actor,
  input: { storeId?: string; status?: ReturnStatus; limit?: number },
) {
  if (!isStaff(actor)) throw forbidden("Only store staff can do this.", { reason: "staff_only" });
  if (input.storeId && !worksIn(actor, input.storeId)) throw notYourStore();
  const stores = input.storeId ? [input.storeId] : actor.role === "admin" ? null : actor.storeIds;
  if (stores && !stores.length) return [];
  const rows = await db
    .select({
      returnNumber: returns.number,
      status: returns.status,
      refundMinor: returns.refundMinor,
      refundTo: returns.refundTo,
      method: returns.method,
      storeId: returns.storeId,
      receivedStoreId: returns.receivedStoreId,
      channel: returns.channel,
      email: returns.email,
      customerName: orders.name,
      orderNumber: orders.number,
      createdAt: returns.createdAt,
      units: sql<number>`(select coalesce(sum(${returnLines.quantity}), 0)::int from ${returnLines} where ${returnLines.returnId} = ${returns.id})`,
    })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(
      and(
        stores ? or(inArray(returns.storeId, stores), inArray(returns.receivedStoreId, stores)) : undefined,
        input.status ? eq(returns.status, input.status) : undefined,
      ),
    )
    .orderBy(desc(returns.createdAt), desc(returns.number))
    .limit(input.limit ?? 50);
  return rows;
}
