import type postgres from "postgres";

/**
 * Adds a large synthetic catalogue for benchmarks: `variants` SKUs in 10-variant products and
 * `locations` extra stores, with stock everywhere. Runs as set-based SQL so that millions of rows load in seconds.
 */
export async function seedScale(sql: postgres.Sql, options: { variants: number; locations: number }): Promise<void> {
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
      insert into variants (sku, product_id, title, options, price_minor, position)
      select 'BENCH-' || p.n || '-' || v, p.id, 'Size ' || v, jsonb_build_object('size', v::text), 9900 + (p.n % 50) * 100, v
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
}
