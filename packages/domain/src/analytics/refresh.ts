import { sql, type SQL } from "drizzle-orm";

import type { Database, Tx } from "@omni/db";

/** Calendar days are Warsaw days: every store of the chain keeps that clock. */
export const ANALYTICS_TIME_ZONE = "Europe/Warsaw";
const STOCK_EVERY_MS = 60 * 60 * 1000;
/** The location id of the chain-wide rows of the daily aggregates. */
export const CHAIN = "*";

const orderDay = sql`(o.created_at at time zone ${sql.raw(`'${ANALYTICS_TIME_ZONE}'`)})::date`;

/** Rebuilds the daily aggregates of the given days (all days when `days` is null). */
async function rebuildDays(tx: Tx, days: string[] | null) {
  const onDays = (column: SQL) => (days ? sql`${column} = any(${`{${days.join(",")}}`}::date[])` : sql`true`);
  await tx.execute(sql`delete from analytics_daily where ${onDays(sql`day`)}`);
  await tx.execute(sql`delete from analytics_returns_daily where ${onDays(sql`day`)}`);
  await tx.execute(sql`
    insert into analytics_daily (day, location_id, channel, orders, sold_orders, revenue_minor, units_sold, cogs_minor,
      costed_sales_minor, cc_orders, cc_ready, cc_collected, ready_hours, expired, cancelled, declined_lines, returned_units)
    with o as (
      select o.id, ${orderDay} as day, o.location_id, o.channel, o.status, o.fulfillment_type, o.total_minor,
             o.created_at, o.ready_at,
             o.status not in ('cancelled', 'expired') as sold,
             o.fulfillment_type = 'pickup' and o.channel <> 'store' as cc
      from orders o where ${onDays(orderDay)}
    ),
    l as (
      select l.order_id,
             sum(l.quantity - l.declined_quantity)::int as units,
             sum(l.declined_quantity * l.unit_price_minor)::bigint as declined_value,
             count(*) filter (where l.declined_quantity > 0)::int as declined_lines,
             coalesce(sum((l.quantity - l.declined_quantity)::bigint * v.unit_cost_minor), 0)::bigint as cogs,
             coalesce(sum((l.quantity - l.declined_quantity)::bigint * l.unit_price_minor)
               filter (where v.unit_cost_minor is not null), 0)::bigint as costed_sales
      from order_lines l join o on o.id = l.order_id left join variants v on v.sku = l.sku
      group by l.order_id
    ),
    r as (
      select rt.order_id, sum(rl.quantity)::int as units
      from returns rt join o on o.id = rt.order_id join return_lines rl on rl.return_id = rt.id
      where rt.status not in ('cancelled', 'rejected')
      group by rt.order_id
    )
    select o.day, o.location_id, o.channel,
      count(*)::int,
      count(*) filter (where o.sold)::int,
      coalesce(sum(greatest(0, o.total_minor - coalesce(l.declined_value, 0))) filter (where o.sold), 0)::bigint,
      coalesce(sum(l.units) filter (where o.sold), 0)::int,
      coalesce(sum(l.cogs) filter (where o.sold), 0)::bigint,
      coalesce(sum(l.costed_sales) filter (where o.sold), 0)::bigint,
      count(*) filter (where o.cc)::int,
      count(*) filter (where o.cc and o.ready_at is not null)::int,
      count(*) filter (where o.cc and o.ready_at is not null and o.status = 'collected')::int,
      coalesce(array_agg(extract(epoch from o.ready_at - o.created_at) / 3600.0 order by o.ready_at - o.created_at)
        filter (where o.cc and o.ready_at is not null), '{}')::float8[],
      count(*) filter (where o.status = 'expired')::int,
      count(*) filter (where o.status = 'cancelled')::int,
      coalesce(sum(l.declined_lines), 0)::int,
      coalesce(sum(r.units) filter (where o.sold), 0)::int
    from o left join l on l.order_id = o.id left join r on r.order_id = o.id
    group by o.day, o.location_id, o.channel`);
  await tx.execute(sql`
    insert into analytics_daily (day, location_id, channel, reservations_created, reservations_fulfilled)
    select (r.created_at at time zone ${sql.raw(`'${ANALYTICS_TIME_ZONE}'`)})::date, r.store_id, r.channel,
           count(*)::int, count(*) filter (where r.status = 'fulfilled')::int
    from reservations r
    where ${onDays(sql`(r.created_at at time zone ${sql.raw(`'${ANALYTICS_TIME_ZONE}'`)})::date`)}
    group by 1, 2, 3
    on conflict (day, location_id, channel) do update
      set reservations_created = excluded.reservations_created, reservations_fulfilled = excluded.reservations_fulfilled`);
  // The chain's own rows (location "*"), so that a chain-wide dashboard sums a few hundred rows, not every store's.
  await tx.execute(sql`
    insert into analytics_daily (day, location_id, channel, orders, sold_orders, revenue_minor, units_sold, cogs_minor,
      costed_sales_minor, cc_orders, cc_ready, cc_collected, ready_hours, expired, cancelled, declined_lines, returned_units,
      reservations_created, reservations_fulfilled)
    select day, ${CHAIN}, channel, sum(orders), sum(sold_orders), sum(revenue_minor), sum(units_sold), sum(cogs_minor),
      sum(costed_sales_minor), sum(cc_orders), sum(cc_ready), sum(cc_collected),
      coalesce((select array_agg(h order by h) from analytics_daily d2, unnest(d2.ready_hours) h
                where d2.day = d.day and d2.channel = d.channel and d2.location_id <> ${CHAIN}), '{}'),
      sum(expired), sum(cancelled), sum(declined_lines), sum(returned_units), sum(reservations_created),
      sum(reservations_fulfilled)
    from analytics_daily d
    where location_id <> ${CHAIN} and ${onDays(sql`day`)}
    group by day, channel`);
  await tx.execute(sql`
    insert into analytics_returns_daily (day, location_id, channel, reason, units)
    select ${orderDay}, o.location_id, o.channel, rl.reason, sum(rl.quantity)::int
    from returns rt join orders o on o.id = rt.order_id join return_lines rl on rl.return_id = rt.id
    where rt.status not in ('cancelled', 'rejected') and o.status not in ('cancelled', 'expired') and ${onDays(orderDay)}
    group by 1, 2, 3, 4`);
  await tx.execute(sql`
    insert into analytics_returns_daily (day, location_id, channel, reason, units)
    select day, ${CHAIN}, channel, reason, sum(units)::int from analytics_returns_daily
    where location_id <> ${CHAIN} and ${onDays(sql`day`)} group by 1, 3, 4`);
}

/** Stock on hand per location valued at cost: one pass over the stock table. */
async function rebuildStock(tx: Tx) {
  await tx.execute(sql`
    insert into analytics_stock (location_id, on_hand_units, costed_units, inventory_cost_minor, refreshed_at)
    select s.location_id, sum(s.on_hand)::bigint,
           coalesce(sum(s.on_hand) filter (where v.unit_cost_minor is not null), 0)::bigint,
           coalesce(sum(s.on_hand::bigint * v.unit_cost_minor), 0)::bigint, now()
    from stock_levels s join variants v on v.sku = s.sku
    group by s.location_id
    on conflict (location_id) do update set on_hand_units = excluded.on_hand_units, costed_units = excluded.costed_units,
      inventory_cost_minor = excluded.inventory_cost_minor, refreshed_at = excluded.refreshed_at`);
}

/**
 * Brings the aggregates up to date. The first run (or `full`) rebuilds everything; later runs rebuild only
 * the days of orders that changed since (new order events, returns, reservations), found from the last
 * order event id seen and the time of the last run. One refresh at a time: a second caller skips.
 * Returns the number of days rebuilt (all days count as one run).
 */
export async function refreshAnalytics(db: Database, options: { full?: boolean; now?: Date } = {}): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ ok: boolean }>(
      sql`select pg_try_advisory_xact_lock(hashtext('analytics_refresh')) as ok`,
    );
    if (!lock?.ok) return 0;
    const [state] = await tx.execute<{ last_event_id: number; refreshed_at: Date; checked_at: Date | null }>(sql`
      select d.last_event_id::float8 as last_event_id, d.refreshed_at, c.refreshed_at as checked_at
      from analytics_state d left join analytics_state c on c.key = 'checked' where d.key = 'daily'`);
    const [top] = await tx.execute<{ id: number }>(sql`select coalesce(max(id), 0)::float8 as id from order_events`);
    const started = options.now ?? new Date();
    let rebuilt: number;
    if (!state || options.full) {
      await rebuildDays(tx, null);
      await rebuildStock(tx);
      rebuilt = 1;
    } else {
      const since = new Date(state.checked_at ?? state.refreshed_at);
      // Rows written just before the last run could have committed after it read: look a little further back.
      const from = new Date(since.getTime() - 60_000).toISOString();
      const newEvents = (top?.id ?? 0) > state.last_event_id;
      const touched = await tx.execute<{ day: string }>(sql`
        select distinct ${orderDay}::text as day from orders o
        where ${newEvents ? sql`o.id in (select order_id from order_events where id > ${state.last_event_id} - 50)` : sql`false`}
           or o.id in (select order_id from returns where created_at >= ${from}
                       union select r.order_id from returns r join return_events e on e.return_id = r.id where e.at >= ${from})
        union
        select distinct (r.created_at at time zone ${sql.raw(`'${ANALYTICS_TIME_ZONE}'`)})::date::text from reservations r
        where r.id in (select reservation_id from reservation_events where at >= ${from})`);
      const days = touched.map((t) => t.day);
      if (days.length) await rebuildDays(tx, days);
      const [stock] = await tx.execute<{ at: Date | null }>(sql`select min(refreshed_at) as at from analytics_stock`);
      const stockStale = !stock?.at || started.getTime() - new Date(stock.at).getTime() >= STOCK_EVERY_MS;
      if (stockStale) await rebuildStock(tx);
      rebuilt = days.length + (stockStale ? 1 : 0);
    }
    // `daily` changes only when the numbers may have: it is the version readers cache answers by.
    if (rebuilt)
      await tx.execute(sql`
        insert into analytics_state (key, last_event_id, refreshed_at) values ('daily', ${top?.id ?? 0}, ${started.toISOString()})
        on conflict (key) do update set last_event_id = excluded.last_event_id, refreshed_at = excluded.refreshed_at`);
    await tx.execute(sql`
      insert into analytics_state (key, last_event_id, refreshed_at) values ('checked', ${top?.id ?? 0}, ${started.toISOString()})
      on conflict (key) do update set refreshed_at = excluded.refreshed_at`);
    return rebuilt;
  });
}

/** Makes sure the aggregates exist before the first dashboard is drawn (a fresh database has none yet). */
export async function ensureAnalytics(db: Database): Promise<void> {
  const [state] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from analytics_state where key = 'daily'`,
  );
  if (!state?.n) await refreshAnalytics(db, { full: true });
}
