import { eq, sql } from "drizzle-orm";

import { products, variants, type DbOrTx, type VariantOptions } from "@omni/db";

import { contentIn, variantLabel } from "./locale";

/**
 * How each SKU is named on an order in Polish ("Bluza z kapturem – Czarny / M"), read once when the order is
 * written so that the order keeps the words the shopper saw even after the catalogue is edited.
 */
export async function polishLineTitles(db: DbOrTx, skus: string[]): Promise<Map<string, string>> {
  if (!skus.length) return new Map();
  const rows = await db
    .select({
      sku: variants.sku,
      title: variants.title,
      options: variants.options,
      productTitle: products.title,
      productTitlePl: products.titlePl,
    })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(sql`${variants.sku} = any(${sql.param(skus)}::text[])`);
  return new Map(rows.map((r) => [r.sku, polishLineTitle(r)]));
}

/** The Polish name of an order line, from its variant and product (for a caller that has read them already). */
export function polishLineTitle(r: {
  title: string;
  options: VariantOptions;
  productTitle: string;
  productTitlePl: string | null;
}): string {
  return `${contentIn("pl", r.productTitle, r.productTitlePl)} – ${variantLabel("pl", r.options, r.title)}`;
}
