import { sql } from "drizzle-orm";

import type { DbOrTx } from "@omni/db";

export type ProductRating = { average: number | null; count: number };

/**
 * The published reviews of products (verified buyers, moderated in admin) as an average to one decimal and a
 * count, for product cards and pages. The reviews belong to the engagement context; the catalogue only reads them.
 */
export async function ratingsOf(db: DbOrTx, productIds: string[]): Promise<Map<string, ProductRating>> {
  const out = new Map<string, ProductRating>();
  if (!productIds.length) return out;
  const rows = await db.execute<{ product_id: string; average: number; count: number }>(sql`
    select product_id, round(avg(rating)::numeric, 1)::float as average, count(*)::int as count
    from reviews where status = 'published' and product_id in ${productIds} group by product_id`);
  for (const row of rows) out.set(row.product_id, { average: row.average, count: row.count });
  return out;
}

export const noRating: ProductRating = { average: null, count: 0 };
