import { and, asc, desc, eq, inArray, notInArray, sql } from "drizzle-orm";

import { COMPLETED_ORDER_STATUSES, isOrderClosed, isOrderCompleted } from "@omni/core";
import {
  categories,
  orderEvents,
  orderLines,
  products,
  returnLines,
  returns,
  settings,
  variants,
  type DbOrTx,
  type OrderStatus,
} from "@omni/db";

import { findLocation } from "../stores";

/**
 * THE return policy: every channel asks these functions what may be returned, so the web shop,
 * the kiosk and the counter always agree.
 *
 * The window: the day an order was collected or delivered is day 0, and the last day to return is
 * day `windowDays`, counted in calendar days in the time zone of the order's store. That whole last
 * day is included (until 23:59:59.999 local time); one millisecond later the window is closed.
 * A shopper who collects on 1 February at 20:00 may return until the end of 3 March (30 days).
 */

export const DEFAULT_RETURN_WINDOW_DAYS = 30;
export const DEFAULT_TIME_ZONE = "Europe/Warsaw";

export type ReturnPolicy = { windowDays: number };

export type ReturnReasonCode =
  "not_completed" | "order_closed" | "final_sale" | "window_passed" | "declined_at_pickup" | "already_returned";

/** What the policy needs to know about an order. */
export type PolicyOrder = { status: OrderStatus; completedAt: Date | null; timeZone: string };

/** What the policy needs to know about one line. `returnedQuantity` counts returns that are not cancelled or rejected. */
export type PolicyLine = {
  lineId: string;
  sku: string;
  title: string;
  /** The title in Polish as sold (absent on older orders). */
  titlePl?: string | null;
  quantity: number;
  declinedQuantity: number;
  returnedQuantity: number;
  /** The name of the final-sale category the product belongs to, or null when it may be returned. */
  finalSaleCategory: string | null;
};

export type LineEligibility = {
  lineId: string;
  sku: string;
  title: string;
  titlePl?: string | null;
  quantity: number;
  returnableQuantity: number;
  reason?: string;
  reasonCode?: ReturnReasonCode;
};

export type OrderEligibility = { deadline: Date | null; windowDays: number; lines: LineEligibility[] };

type LocalDate = { year: number; month: number; day: number };

function localDate(at: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day") };
}

/** How far local time is ahead of UTC at an instant, in ms (positive east of Greenwich). */
function zoneOffsetMs(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant local midnight begins on a calendar day (the day may overflow: 31 Jan + 30 is fine). */
function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const wallClock = Date.UTC(date.year, date.month - 1, date.day);
  const first = wallClock - zoneOffsetMs(new Date(wallClock), timeZone);
  // Around a daylight-saving change the offset at the guess may differ from the offset at the answer.
  const second = wallClock - zoneOffsetMs(new Date(first), timeZone);
  return new Date(second);
}

/** The last instant a return may be requested: the end of day `windowDays` after completion, local time. */
export function returnDeadline(completedAt: Date, windowDays: number, timeZone = DEFAULT_TIME_ZONE): Date {
  const day = localDate(completedAt, timeZone);
  const nextDayStart = startOfLocalDay({ ...day, day: day.day + windowDays + 1 }, timeZone);
  return new Date(nextDayStart.getTime() - 1);
}

export const isWithinWindow = (deadline: Date, now: Date) => now.getTime() <= deadline.getTime();

/** "3 March", with the year when it is not this year, in the store's time zone. */
export function formatDay(at: Date, timeZone = DEFAULT_TIME_ZONE, now = new Date()): string {
  const sameYear = localDate(at, timeZone).year === localDate(now, timeZone).year;
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "numeric",
    month: "long",
    ...(sameYear ? {} : { year: "numeric" }),
  }).format(at);
}

function refuse(line: PolicyLine, reasonCode: ReturnReasonCode, reason: string): LineEligibility {
  return {
    lineId: line.lineId,
    sku: line.sku,
    title: line.title,
    titlePl: line.titlePl,
    quantity: line.quantity,
    returnableQuantity: 0,
    reason,
    reasonCode,
  };
}

/** What can be returned of one line now, and if nothing, why, in words a shopper understands. */
export function lineEligibility(
  order: PolicyOrder,
  line: PolicyLine,
  policy: ReturnPolicy,
  now: Date,
): LineEligibility {
  if (isOrderClosed(order.status)) {
    return refuse(line, "order_closed", "This order was cancelled, so there is nothing to return.");
  }
  if (!isOrderCompleted(order.status) || !order.completedAt) {
    return refuse(
      line,
      "not_completed",
      "This order has not been collected or delivered yet. You can return it once you have it.",
    );
  }
  if (line.declinedQuantity >= line.quantity) {
    return refuse(
      line,
      "declined_at_pickup",
      "You declined this item at pickup, so it was never handed over and has already been refunded.",
    );
  }
  if (line.finalSaleCategory) {
    return refuse(line, "final_sale", `Final sale: ${line.finalSaleCategory.toLowerCase()} cannot be returned.`);
  }
  const deadline = returnDeadline(order.completedAt, policy.windowDays, order.timeZone);
  if (!isWithinWindow(deadline, now)) {
    return refuse(
      line,
      "window_passed",
      `The ${policy.windowDays}-day return window ended on ${formatDay(deadline, order.timeZone, now)}.`,
    );
  }
  const left = Math.max(0, line.quantity - line.declinedQuantity - line.returnedQuantity);
  if (left === 0) {
    return refuse(
      line,
      "already_returned",
      line.declinedQuantity > 0
        ? "The items you kept have already been returned (the rest were declined at pickup)."
        : "This item has already been returned.",
    );
  }
  return {
    lineId: line.lineId,
    sku: line.sku,
    title: line.title,
    titlePl: line.titlePl,
    quantity: line.quantity,
    returnableQuantity: left,
  };
}

export function orderEligibility(
  order: PolicyOrder,
  lines: PolicyLine[],
  policy: ReturnPolicy,
  now: Date,
): OrderEligibility {
  const completed = isOrderCompleted(order.status) && order.completedAt;
  return {
    deadline: completed ? returnDeadline(order.completedAt!, policy.windowDays, order.timeZone) : null,
    windowDays: policy.windowDays,
    lines: lines.map((line) => lineEligibility(order, line, policy, now)),
  };
}

/** The policy as configured: settings key `return_window_days`, else 30 days. */
export async function loadReturnPolicy(db: DbOrTx): Promise<ReturnPolicy> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "return_window_days"));
  const days = Number(row?.value);
  return { windowDays: Number.isInteger(days) && days >= 0 ? days : DEFAULT_RETURN_WINDOW_DAYS };
}

/**
 * Loads an order's lines as the policy sees them. Call it inside a transaction that has locked
 * the order row, so that returned quantities cannot change underneath a new return.
 */
export async function loadPolicyOrder(
  db: DbOrTx,
  order: { id: string; status: OrderStatus; completedAt: Date | null; locationId: string },
): Promise<{ order: PolicyOrder; lines: (PolicyLine & { unitPriceMinor: number })[] }> {
  const location = await findLocation(db, order.locationId);
  let completedAt = order.completedAt;
  if (!completedAt && isOrderCompleted(order.status)) {
    // An order marked complete without a time: the event of that transition tells when it happened.
    const [event] = await db
      .select({ at: orderEvents.at })
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), inArray(orderEvents.toStatus, [...COMPLETED_ORDER_STATUSES])))
      .orderBy(desc(orderEvents.at))
      .limit(1);
    completedAt = event?.at ?? null;
  }
  const rows = await db
    .select({
      lineId: orderLines.id,
      sku: orderLines.sku,
      title: orderLines.title,
      titlePl: orderLines.titlePl,
      quantity: orderLines.quantity,
      declinedQuantity: orderLines.declinedQuantity,
      unitPriceMinor: orderLines.unitPriceMinor,
      finalSale: categories.finalSale,
      categoryName: categories.name,
    })
    .from(orderLines)
    .leftJoin(variants, eq(variants.sku, orderLines.sku))
    .leftJoin(products, eq(products.id, variants.productId))
    .leftJoin(categories, eq(categories.slug, products.categorySlug))
    .where(eq(orderLines.orderId, order.id))
    // The same order as orders.get, so a shopper sees the lines in one order everywhere.
    .orderBy(asc(orderLines.sku), asc(orderLines.id));
  const returned = await db
    .select({ lineId: returnLines.orderLineId, quantity: sql<number>`sum(${returnLines.quantity})::int` })
    .from(returnLines)
    .innerJoin(returns, eq(returns.id, returnLines.returnId))
    .where(and(eq(returns.orderId, order.id), notInArray(returns.status, ["cancelled", "rejected"])))
    .groupBy(returnLines.orderLineId);
  const returnedBy = new Map(returned.map((r) => [r.lineId, r.quantity]));
  return {
    order: { status: order.status, completedAt, timeZone: location.timezone },
    lines: rows.map((r) => ({
      lineId: r.lineId,
      sku: r.sku,
      title: r.title,
      titlePl: r.titlePl,
      quantity: r.quantity,
      declinedQuantity: r.declinedQuantity,
      returnedQuantity: returnedBy.get(r.lineId) ?? 0,
      unitPriceMinor: r.unitPriceMinor,
      finalSaleCategory: r.finalSale ? r.categoryName : null,
    })),
  };
}
