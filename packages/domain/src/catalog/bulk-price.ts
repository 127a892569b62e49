import { and, eq, inArray, type SQL } from "drizzle-orm";

import { products, variants, type Database } from "@omni/db";

import { badRequest, recordAudit, type Actor } from "../kernel";

export type PriceChange =
  | { kind: "percent"; percent: number } // +10 raises by 10 %, −15 lowers by 15 %
  | { kind: "amount"; amountMinor: number } // added to every price (negative lowers)
  | { kind: "set"; priceMinor: number };

export type BulkPriceInput = {
  /** Which variants: listed SKUs, every variant of a category, or both narrowed together. */
  skus?: string[];
  categorySlug?: string;
  change: PriceChange;
  reason: string;
};

const newPrice = (price: number, change: PriceChange) =>
  change.kind === "set"
    ? change.priceMinor
    : change.kind === "amount"
      ? price + change.amountMinor
      : Math.round((price * (100 + change.percent)) / 100);

/**
 * Changes many list prices in one transaction with ONE audit entry that lists every SKU's price before and after,
 * so the change can be read back (and undone by hand) as a whole. A change that would make any price negative
 * changes nothing.
 */
export async function bulkChangePrices(db: Database, actor: Actor, input: BulkPriceInput) {
  if (!input.skus?.length && !input.categorySlug)
    throw badRequest("Choose the SKUs or a category to reprice.", { reason: "reprice_nothing_chosen" });
  return db.transaction(async (tx) => {
    const where: SQL[] = [];
    if (input.skus?.length) where.push(inArray(variants.sku, input.skus));
    if (input.categorySlug) where.push(eq(products.categorySlug, input.categorySlug));
    const rows = await tx
      .select({ sku: variants.sku, priceMinor: variants.priceMinor })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      .where(and(...where))
      .orderBy(variants.sku)
      .for("update", { of: variants });
    if (!rows.length) throw badRequest("No variant matches this selection.", { reason: "reprice_no_match" });
    const missing = input.skus?.filter((s) => !rows.some((r) => r.sku === s)) ?? [];
    if (missing.length && !input.categorySlug)
      throw badRequest(`Unknown SKU: ${missing.slice(0, 5).join(", ")}.`, {
        reason: "sku_unknown",
        sku: missing.slice(0, 5).join(", "),
      });
    const changes = rows.map((r) => ({
      sku: r.sku,
      beforeMinor: r.priceMinor,
      afterMinor: newPrice(r.priceMinor, input.change),
    }));
    const negative = changes.find((c) => c.afterMinor < 0);
    if (negative)
      throw badRequest(`${negative.sku} would cost less than nothing; nothing was changed.`, {
        reason: "price_below_zero",
        sku: negative.sku,
      });
    for (const c of changes) {
      if (c.afterMinor !== c.beforeMinor)
        await tx.update(variants).set({ priceMinor: c.afterMinor }).where(eq(variants.sku, c.sku));
    }
    await recordAudit(tx, actor, {
      action: "products.bulkPrice",
      entityType: "variant",
      entityId: input.categorySlug ?? `${changes.length} SKUs`,
      before: { prices: Object.fromEntries(changes.map((c) => [c.sku, c.beforeMinor])) },
      after: {
        prices: Object.fromEntries(changes.map((c) => [c.sku, c.afterMinor])),
        change: input.change,
        reason: input.reason,
      },
    });
    return { changed: changes.filter((c) => c.afterMinor !== c.beforeMinor).length, changes };
  });
}
