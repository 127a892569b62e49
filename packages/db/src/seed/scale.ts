import type postgres from "postgres";

/**
 * Adds a large synthetic catalogue for benchmarks: `variants` SKUs in 10-variant products and
 * `locations` extra stores, with stock everywhere. Runs as set-based SQL so that millions of rows load in seconds.
 */
export async function seedScale(
  sql: postgres.Sql,
  options: { variants: number; locations: number; ordersPerDay?: number },
): Promise<void> {
  const products = Math.ceil(options.variants / 10);
  await sql.begin(async (tx) => {
    await tx`
      insert into locations (id, name, city, type, pickup, reservations, returns)
      select 'bench-' || g, 'Bench store ' || g, 'Bench City ' || g, 'store', true, true, true
      from generate_series(1, ${options.locations}::int) g
      on conflict do nothing`;
    await tx`
      insert into products (slug, title, title_pl, description, category_slug, image_hue)
      select 'bench-product-' || g, 'Bench ' || (array['Cotton','Linen','Wool','Denim'])[1 + g % 4] || ' Item ' || g,
             'Testowa ' || (array['koszula bawełniana','koszula lniana','kurtka wełniana','kurtka jeansowa'])[1 + g % 4] || ' ' || g,
             'Synthetic product for benchmarks', (array['t-shirts','shirts','hoodies','jeans','jackets'])[1 + g % 5], g % 360
      from generate_series(1, ${products}::int) g
      on conflict do nothing`;
    await tx`
      insert into variants (sku, product_id, title, options, price_minor, unit_cost_minor, position)
      select 'BENCH-' || p.n || '-' || v, p.id, 'Size ' || v, jsonb_build_object('size', v::text), 9900 + (p.n % 50) * 100,
             (9900 + (p.n % 50) * 100) * (40 + p.n % 15) / 100, v
      from (select id, substring(slug from 15)::int as n from products where slug like 'bench-product-%') p
      cross join generate_series(1, 10) v
      on conflict do nothing`;
    await tx`
      insert into stock_levels (location_id, sku, on_hand)
      select l.id, v.sku, (abs(hashtext(l.id || v.sku)) % 12)
      from variants v cross join locations l
      where v.sku like 'BENCH-%'
      on conflict do nothing`;
  });
  if (options.ordersPerDay) await seedScaleOrders(sql, { perDay: options.ordersPerDay, products });
}

/**
 * A year of orders for the analytics benchmark, in bulk SQL: every channel, pickups collected or expired,
 * cancellations, deliveries, returns and reservations, spread over the year with a weekly rhythm. Values come
 * from hashes of the row number, so the same call gives the same orders. Orders are numbered `OM-S…`,
 * apart from the live sequence.
 */
export async function seedScaleOrders(sql: postgres.Sql, options: { perDay: number; products: number }): Promise<void> {
  const total = options.perDay * 365;
  await sql.begin(async (tx) => {
    await tx`
      with locs as (select array_agg(id order by id) as ids from locations where type = 'store'),
      base as (
        select g,
          -- spread over the past year; weekends get more orders by folding some Tuesday and Wednesday ones back onto them
          now() - interval '1 hour' - make_interval(secs => (g::float8 / ${total}::int) * 365 * 86400) as t0,
          abs(hashtext('c' || g)) % 100 as hc, abs(hashtext('s' || g)) % 100 as hs,
          abs(hashtext('l' || g)) as hl, abs(hashtext('r' || g)) % 4320 as hr, abs(hashtext('k' || g)) % 3 + 1 as k
        from generate_series(1, ${total}::int) g
      ),
      shaped as (
        select b.*,
          case when extract(isodow from b.t0) in (2, 3) and b.hs % 3 = 0 then b.t0 - interval '3 days' else b.t0 end as created_at,
          case when b.hc < 55 then 'web' when b.hc < 80 then 'kiosk' else 'store' end as channel
        from base b
      ),
      typed as (
        select s.*, (select ids from locs) as ids,
          case when s.channel = 'web' and s.hs < 35 then 'delivery' else 'pickup' end as ftype
        from shaped s
      ),
      priced as (
        select t.*, (select sum(9900 + ((abs(hashtext(t.g || '-' || i)) % ${options.products}::int + 1) % 50) * 100)
                     from generate_series(1, t.k) i)::int as total
        from typed t
      )
      insert into orders (number, channel, status, fulfillment_type, location_id, email, name, subtotal_minor, total_minor,
                          payment_method, paid_minor, ready_at, completed_at, created_at)
      select 'OM-S' || p.g, p.channel,
        case
          when p.ftype = 'delivery' then (case when p.hs % 20 = 0 then 'cancelled' else 'delivered' end)
          when p.channel = 'store' then 'collected'
          when p.hs % 11 = 0 then 'cancelled'
          when p.hs % 9 = 0 then 'expired'
          else 'collected' end,
        p.ftype,
        case when p.ftype = 'delivery' then 'online' else p.ids[1 + p.hl % array_length(p.ids, 1)] end,
        'bench' || p.g || '@example.org', 'Bench Shopper', p.total, p.total,
        case when p.channel = 'store' then 'pay_in_store' else 'card' end, p.total,
        case when p.ftype = 'pickup' and p.channel <> 'store' and p.hs % 11 <> 0
             then p.created_at + make_interval(mins => 30 + p.hr) end,
        case when p.hs % 11 = 0 and p.channel <> 'store' then null
             else p.created_at + make_interval(mins => 30 + p.hr + 600) end,
        p.created_at
      from priced p`;
    await tx`
      insert into order_lines (order_id, sku, title, quantity, unit_price_minor, declined_quantity)
      select o.id, 'BENCH-' || (abs(hashtext(n.g || '-' || i)) % ${options.products}::int + 1) || '-' || (1 + abs(hashtext('v' || n.g || i)) % 10),
             'Bench item', 1, 9900 + ((abs(hashtext(n.g || '-' || i)) % ${options.products}::int + 1) % 50) * 100,
             case when o.status = 'collected' and o.channel <> 'store' and abs(hashtext('d' || n.g || i)) % 40 = 0 then 1 else 0 end
      from orders o
      cross join lateral (select substring(o.number from 5)::int as g) n
      cross join lateral generate_series(1, abs(hashtext('k' || n.g)) % 3 + 1) i
      where o.number like 'OM-S%'`;
    await tx`
      with picked as (
        select o.id as order_id, o.channel, o.location_id, o.created_at, o.number,
               (select l.id from order_lines l where l.order_id = o.id and l.declined_quantity = 0 limit 1) as line_id,
               abs(hashtext('x' || o.number)) % 5 as reason
        from orders o
        where o.number like 'OM-S%' and o.status in ('collected', 'delivered') and abs(hashtext('ret' || o.number)) % 16 = 0
      ),
      made as (
        insert into returns (number, order_id, status, channel, method, store_id, received_store_id, refund_to, refund_minor,
                             email, created_at, received_at, refunded_at)
        select 'RT-S' || substring(p.number from 5), p.order_id, 'refunded', p.channel, 'in_store',
               case when p.location_id = 'online' then null else p.location_id end,
               case when p.location_id = 'online' then 'online' else p.location_id end, 'original', 0,
               'bench@example.org', p.created_at + interval '5 days', p.created_at + interval '6 days', p.created_at + interval '6 days'
        from picked p where p.line_id is not null
        returning id, order_id
      )
      insert into return_lines (return_id, order_line_id, quantity, reason, condition)
      select m.id, p.line_id, 1,
             (array['wrong_size','damaged','not_as_described','changed_mind','other'])[1 + p.reason],
             case when p.reason = 1 then 'damaged' else 'resellable' end
      from made m join picked p on p.order_id = m.order_id`;
    await tx`
      with locs as (select array_agg(id order by id) as ids from locations where type = 'store')
      insert into reservations (code, store_id, status, channel, email, name, expires_at, created_at, closed_at)
      select 'S' || g, (select ids from locs)[1 + abs(hashtext('rl' || g)) % array_length((select ids from locs), 1)],
             (array['fulfilled','fulfilled','fulfilled','expired','expired','cancelled'])[1 + abs(hashtext('rs' || g)) % 6],
             (array['web','web','kiosk'])[1 + abs(hashtext('rc' || g)) % 3], 'bench' || g || '@example.org', 'Bench Shopper',
             now() - make_interval(secs => (g::float8 / ${total / 10}::int) * 365 * 86400) + interval '2 days',
             now() - make_interval(secs => (g::float8 / ${total / 10}::int) * 365 * 86400),
             now() - make_interval(secs => (g::float8 / ${total / 10}::int) * 365 * 86400) + interval '1 day'
      from generate_series(1, ${Math.floor(total / 10)}::int) g`;
  });
}
