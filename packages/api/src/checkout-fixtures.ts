import { sql } from "drizzle-orm";

import type { Database } from "@omni/db";
import { adjustOnHand } from "@omni/domain/inventory";
import { systemActor } from "@omni/domain/kernel";

import type { callerFor } from "./testing";

/** Test-only helpers for the cart, checkout and order tests. */
type Api = Awaited<ReturnType<typeof callerFor>>;

/** Active SKUs that `locationId` has at least `min` of and that carry no automatic promotion (plain prices). */
export async function stockedSkus(db: Database, locationId: string, count: number, min = 3): Promise<string[]> {
  const rows = await db.execute<{ sku: string }>(sql`
    select sl.sku from stock_levels sl
    join variants v on v.sku = sl.sku join products p on p.id = v.product_id
    where sl.location_id = ${locationId} and sl.on_hand - sl.held - sl.safety_stock >= ${min}
      and v.active and p.active and p.category_slug <> 'accessories' and v.price_minor > 0
    order by sl.sku limit ${count}`);
  if (rows.length < count) throw new Error(`Only ${rows.length} SKUs stocked at ${locationId}`);
  return rows.map((r) => r.sku);
}

/** Sets the shelf of a SKU at a location through the stock ledger, as a cycle count would. */
export async function setStock(db: Database, locationId: string, sku: string, onHand: number): Promise<void> {
  await db.transaction((tx) =>
    adjustOnHand(tx, { locationId, sku, setTo: onHand, reason: "cycle_count", note: "test", actor: systemActor }),
  );
}

export async function cartWith(api: Api, lines: { sku: string; quantity: number }[]): Promise<string> {
  const { cartId } = await api.cart.create();
  for (const line of lines) await api.cart.setQuantity({ cartId, ...line });
  return cartId;
}

export async function stockOf(
  db: Database,
  locationId: string,
  sku: string,
): Promise<{ onHand: number; held: number }> {
  const [row] = await db.execute<{ on_hand: number; held: number }>(sql`
    select on_hand, held from stock_levels where location_id = ${locationId} and sku = ${sku}`);
  return { onHand: row?.on_hand ?? 0, held: row?.held ?? 0 };
}

/** Stock rows whose movement ledger does not add up to the level (should be none), and open holds that disagree with `held`. */
export async function ledgerMismatches(db: Database, skus: string[]) {
  return [
    ...(await db.execute(sql`
      select sl.location_id, sl.sku, sl.on_hand, sl.held,
        coalesce(sum(m.on_hand_delta), 0)::int as ledger_on_hand, coalesce(sum(m.held_delta), 0)::int as ledger_held
      from stock_levels sl left join stock_movements m on m.location_id = sl.location_id and m.sku = sl.sku
      where sl.sku in ${skus}
      group by sl.location_id, sl.sku, sl.on_hand, sl.held
      having sl.on_hand <> coalesce(sum(m.on_hand_delta), 0) or sl.held <> coalesce(sum(m.held_delta), 0)
        or sl.on_hand < 0 or sl.held > sl.on_hand
        or sl.held <> (select coalesce(sum(h.quantity), 0) from stock_holds h
                       where h.location_id = sl.location_id and h.sku = sl.sku and h.released_at is null)`)),
  ];
}
