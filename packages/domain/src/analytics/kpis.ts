import { sql, type SQL } from "drizzle-orm";

import type { Channel, Database } from "@omni/db";

import { badRequest, forbidden, type Actor } from "../kernel";
import { findLocation } from "../stores";
import { ANALYTICS_TIME_ZONE, CHAIN, ensureAnalytics } from "./refresh";

const DAY_MS = 86_400_000;
const MAX_DAYS = 731;
const channels: Channel[] = ["web", "kiosk", "store"];

/** The Warsaw calendar day of a moment, as YYYY-MM-DD. */
export function calendarDay(at: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: ANALYTICS_TIME_ZONE }).format(at);
}
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

type Sums = {
  orders: number;
  soldOrders: number;
  revenueMinor: number;
  unitsSold: number;
  cogsMinor: number;
  costedSalesMinor: number;
  ccOrders: number;
  ccReady: number;
  ccCollected: number;
  expired: number;
  cancelled: number;
  declinedLines: number;
  returnedUnits: number;
  reservationsCreated: number;
  reservationsFulfilled: number;
};
const sumColumns = sql`
  sum(orders)::float8 as "orders", sum(sold_orders)::float8 as "soldOrders", sum(revenue_minor)::float8 as "revenueMinor",
  sum(units_sold)::float8 as "unitsSold", sum(cogs_minor)::float8 as "cogsMinor", sum(costed_sales_minor)::float8 as "costedSalesMinor",
  sum(cc_orders)::float8 as "ccOrders", sum(cc_ready)::float8 as "ccReady", sum(cc_collected)::float8 as "ccCollected",
  sum(expired)::float8 as "expired", sum(cancelled)::float8 as "cancelled", sum(declined_lines)::float8 as "declinedLines",
  sum(returned_units)::float8 as "returnedUnits", sum(reservations_created)::float8 as "reservationsCreated",
  sum(reservations_fulfilled)::float8 as "reservationsFulfilled"`;
const empty: Sums = {
  orders: 0,
  soldOrders: 0,
  revenueMinor: 0,
  unitsSold: 0,
  cogsMinor: 0,
  costedSalesMinor: 0,
  ccOrders: 0,
  ccReady: 0,
  ccCollected: 0,
  expired: 0,
  cancelled: 0,
  declinedLines: 0,
  returnedUnits: 0,
  reservationsCreated: 0,
  reservationsFulfilled: 0,
};
const add = (a: Sums, b: Sums): Sums =>
  Object.fromEntries(Object.keys(empty).map((k) => [k, a[k as keyof Sums] + b[k as keyof Sums]])) as Sums;

function summary(s: Sums, medianHoursToReady: number | null) {
  return {
    orders: s.orders,
    revenueMinor: s.revenueMinor,
    averageOrderMinor: Math.round(ratio(s.revenueMinor, s.soldOrders)),
    unitsSold: s.unitsSold,
    ordersExpired: s.expired,
    ordersCancelled: s.cancelled,
    linesDeclined: s.declinedLines,
    returnedUnits: s.returnedUnits,
    returnRate: ratio(s.returnedUnits, s.unitsSold),
    clickAndCollect: {
      orders: s.ccOrders,
      share: ratio(s.ccOrders, s.orders),
      ready: s.ccReady,
      collected: s.ccCollected,
      collectedRate: ratio(s.ccCollected, s.ccReady),
      medianHoursToReady,
    },
    reservations: {
      created: s.reservationsCreated,
      fulfilled: s.reservationsFulfilled,
      fulfilledRate: ratio(s.reservationsFulfilled, s.reservationsCreated),
    },
  };
}

export type KpiInput = { storeId?: string; from: Date; to: Date };

/**
 * Answers by scope, period and aggregate version: the numbers cannot change until the worker rebuilds a day,
 * so a dashboard opened again (or by a colleague) within that time costs one lookup. Bounded, oldest out first.
 */
const answers = new Map<string, Awaited<ReturnType<typeof computeKpis>>>();
const MAX_ANSWERS = 500;

/**
 * The numbers of a period for one store (or the chain) next to the previous period of the same length,
 * read from the daily aggregates the worker keeps. Orders count on the Warsaw day they were placed; a store's
 * numbers are those of the orders it fulfils (its pickups and counter sales; home deliveries belong to the
 * online warehouse). Managers see their stores; the chain is for admins.
 */
export async function analyticsKpis(db: Database, actor: Actor, input: KpiInput) {
  if (input.storeId === undefined) {
    if (actor.role !== "admin")
      throw forbidden("Only an administrator can see the numbers of the whole chain.", { reason: "admin_only" });
  } else if (actor.role !== "admin" && !(actor.role === "manager" && actor.storeIds.includes(input.storeId))) {
    throw forbidden("Only a manager of this store can see its numbers.", { reason: "manager_only" });
  }
  const from = calendarDay(input.from);
  const to = calendarDay(input.to);
  if (to < from) throw badRequest("The end of the period comes before its start.", { reason: "period_reversed" });
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
  if (days > MAX_DAYS)
    throw badRequest(`Choose a period of at most ${MAX_DAYS} days.`, { reason: "period_too_long", max: MAX_DAYS });
  if (input.storeId !== undefined) await findLocation(db, input.storeId);
  await ensureAnalytics(db);
  const [version] = await db.execute<{ at: string }>(sql`
    select (select refreshed_at from analytics_state where key = 'daily')::text || '|' ||
           coalesce((select max(refreshed_at) from analytics_stock)::text, '') as at`);
  const key = `${input.storeId ?? CHAIN}|${from}|${to}|${version?.at ?? ""}`;
  const cached = answers.get(key);
  if (cached) return cached;
  const answer = await computeKpis(db, { storeId: input.storeId, from, to, days });
  if (answers.size >= MAX_ANSWERS) answers.delete(answers.keys().next().value!);
  answers.set(key, answer);
  return answer;
}

/** The numbers of a period straight from the aggregates (no cache). */
export async function computeKpis(db: Database, input: { storeId?: string; from: string; to: string; days: number }) {
  const { from, to, days } = input;

  const previousFrom = addDays(from, -days);
  const previousTo = addDays(from, -1);
  const store: SQL = sql`and location_id = ${input.storeId ?? CHAIN}`;
  const period = sql`case when day >= ${from}::date then 'current' else 'previous' end`;
  const range = sql`day between ${previousFrom}::date and ${to}::date ${store}`;

  const [byChannelRows, medianRows, reasonRows, dailyRows, stockRows, storeRows, stateRows] = await Promise.all([
    db.execute<Sums & { period: string; channel: Channel }>(
      sql`select ${period} as period, channel, ${sumColumns} from analytics_daily where ${range} group by 1, 2`,
    ),
    db.execute<{ period: string; median: number | null }>(sql`
      select ${period} as period, percentile_cont(0.5) within group (order by h) as median
      from analytics_daily cross join lateral unnest(ready_hours) h where ${range}
      group by 1`),
    db.execute<{ channel: Channel; reason: string; units: number }>(sql`
      select channel, reason, sum(units)::int as units from analytics_returns_daily
      where day between ${from}::date and ${to}::date ${store} group by 1, 2 order by 1, 3 desc`),
    db.execute<{ day: string; channel: Channel; orders: number; revenueMinor: number }>(sql`
      select day::text as day, channel, sum(orders)::int as orders, sum(revenue_minor)::float8 as "revenueMinor"
      from analytics_daily where day between ${from}::date and ${to}::date ${store} group by 1, 2`),
    db.execute<{ onHandUnits: number; costedUnits: number; inventoryCostMinor: number; refreshedAt: Date | null }>(sql`
      select coalesce(sum(on_hand_units), 0)::float8 as "onHandUnits", coalesce(sum(costed_units), 0)::float8 as "costedUnits",
             coalesce(sum(inventory_cost_minor), 0)::float8 as "inventoryCostMinor", min(refreshed_at) as "refreshedAt"
      from analytics_stock ${input.storeId !== undefined ? sql`where location_id = ${input.storeId}` : sql``}`),
    input.storeId === undefined
      ? db.execute<Sums & { period: string; storeId: string; name: string; type: string }>(sql`
          select ${period} as period, d.location_id as "storeId", min(l.name) as name, min(l.type) as type, ${sumColumns}
          from analytics_daily d join locations l on l.id = d.location_id
          where day between ${previousFrom}::date and ${to}::date and location_id <> ${CHAIN} group by 1, 2`)
      : Promise.resolve([]),
    db.execute<{ refreshedAt: Date }>(
      sql`select refreshed_at as "refreshedAt" from analytics_state where key = 'daily'`,
    ),
  ]);

  const sums = <R extends Sums & { period: string }>(rows: R[], which: string, pick: (r: R) => boolean = () => true) =>
    rows.filter((r) => r.period === which && pick(r)).reduce<Sums>((acc, r) => add(acc, r), { ...empty });
  const median = (which: string) => medianRows.find((m) => m.period === which)?.median ?? null;
  const current = sums(byChannelRows, "current");
  const previous = sums(byChannelRows, "previous");
  const stock = stockRows[0] ?? { onHandUnits: 0, costedUnits: 0, inventoryCostMinor: 0, refreshedAt: null };
  const annualise = 365 / days;
  const returnedByChannel = (channel: Channel) => sums(byChannelRows, "current", (r) => r.channel === channel);

  const dayList = Array.from({ length: days }, (_, i) => addDays(from, i));
  const daily = dayList.map((day) => {
    const rows = dailyRows.filter((r) => r.day === day);
    const of = (c: Channel) => rows.find((r) => r.channel === c);
    return {
      day,
      web: of("web")?.orders ?? 0,
      kiosk: of("kiosk")?.orders ?? 0,
      store: of("store")?.orders ?? 0,
      orders: rows.reduce((a, r) => a + r.orders, 0),
      revenueMinor: rows.reduce((a, r) => a + r.revenueMinor, 0),
    };
  });

  return {
    storeId: input.storeId ?? null,
    from,
    to,
    days,
    previousPeriod: { from: previousFrom, to: previousTo },
    currency: "PLN",
    refreshedAt: stateRows[0]?.refreshedAt ?? null,
    byChannel: channels.map((channel) => {
      const now = summary(
        sums(byChannelRows, "current", (r) => r.channel === channel),
        null,
      );
      const before = summary(
        sums(byChannelRows, "previous", (r) => r.channel === channel),
        null,
      );
      return {
        channel,
        orders: now.orders,
        revenueMinor: now.revenueMinor,
        averageOrderMinor: now.averageOrderMinor,
        returnRate: now.returnRate,
        unitsSold: now.unitsSold,
        share: ratio(now.orders, current.orders),
        previous: {
          orders: before.orders,
          revenueMinor: before.revenueMinor,
          averageOrderMinor: before.averageOrderMinor,
          returnRate: before.returnRate,
        },
      };
    }),
    ...(() => {
      const now = summary(current, median("current"));
      const { clickAndCollect, reservations, ...totals } = now;
      return { totals, clickAndCollect, reservations };
    })(),
    previous: summary(previous, median("previous")),
    returns: {
      units: current.returnedUnits,
      rate: ratio(current.returnedUnits, current.unitsSold),
      byReason: reasonRows.map((r) => ({
        channel: r.channel,
        reason: r.reason,
        units: r.units,
        rate: ratio(r.units, returnedByChannel(r.channel).unitsSold),
      })),
    },
    stock: {
      onHandUnits: stock.onHandUnits,
      inventoryCostMinor: stock.inventoryCostMinor,
      /** Sold ÷ (sold + still on hand). */
      sellThrough: ratio(current.unitsSold, current.unitsSold + stock.onHandUnits),
      /** Units sold per unit on hand, over a year at this period's pace. */
      stockTurnover: ratio(current.unitsSold, stock.onHandUnits) * annualise,
      /** Gross margin per zloty of stock at cost, over a year at this period's pace; null without costs. */
      gmroi:
        stock.inventoryCostMinor > 0
          ? ((current.costedSalesMinor - current.cogsMinor) / stock.inventoryCostMinor) * annualise
          : null,
      grossMarginMinor: current.costedSalesMinor - current.cogsMinor,
      refreshedAt: stock.refreshedAt,
    },
    /** There is no loyalty programme yet: no order can be a loyalty order. */
    loyaltyShare: null,
    daily,
    byStore: byStoreOf(storeRows),
  };
}

function byStoreOf(rows: (Sums & { period: string; storeId: string; name: string; type: string })[]) {
  const ids = [...new Set(rows.map((r) => r.storeId))];
  return ids
    .map((storeId) => {
      const of = (period: string) =>
        rows
          .filter((r) => r.storeId === storeId && r.period === period)
          .reduce<Sums>((acc, r) => add(acc, r), { ...empty });
      const row = rows.find((r) => r.storeId === storeId)!;
      const now = summary(of("current"), null);
      const before = summary(of("previous"), null);
      return {
        storeId,
        name: row.name,
        type: row.type,
        orders: now.orders,
        revenueMinor: now.revenueMinor,
        averageOrderMinor: now.averageOrderMinor,
        clickAndCollectShare: now.clickAndCollect.share,
        collectedRate: now.clickAndCollect.collectedRate,
        returnRate: now.returnRate,
        ordersExpired: now.ordersExpired,
        linesDeclined: now.linesDeclined,
        reservationFulfilledRate: now.reservations.fulfilledRate,
        previous: { orders: before.orders, revenueMinor: before.revenueMinor },
      };
    })
    .sort((a, b) => b.revenueMinor - a.revenueMinor);
}
