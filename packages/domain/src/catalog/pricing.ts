import { and, eq, gt, isNull, lte, sql, type SQL } from "drizzle-orm";

import { products, promotions, variants, type DbOrTx } from "@omni/db";

/**
 * The one pricing function: the shop, the kiosk, the cart and the order all price through here,
 * so a promotion shows the same everywhere.
 */
export type Promotion = typeof promotions.$inferSelect;
export type PricedSku = {
  sku: string;
  productId: string;
  categorySlug: string;
  title: string;
  productTitle: string;
  currency: string;
  listPriceMinor: number;
  priceMinor: number;
  promotion: { id: string; name: string; namePl: string } | null;
};

export function discountFor(promotion: Pick<Promotion, "kind" | "value">, priceMinor: number): number {
  const off =
    promotion.kind === "percent" ? Math.round((priceMinor * Math.min(100, promotion.value)) / 100) : promotion.value;
  return Math.min(priceMinor, off);
}

const applies = (p: Pick<Promotion, "categorySlug" | "productId">, item: { productId: string; categorySlug: string }) =>
  (!p.categorySlug || p.categorySlug === item.categorySlug) && (!p.productId || p.productId === item.productId);

/** The promotions running at `at` among those `which` picks (by their code). */
async function runningPromotions(db: DbOrTx, at: Date, which: SQL) {
  return db
    .select()
    .from(promotions)
    .where(and(eq(promotions.active, true), lte(promotions.startsAt, at), gt(promotions.endsAt, at), which));
}

const activePromotions = (db: DbOrTx, at: Date, code: string | null) =>
  runningPromotions(
    db,
    at,
    code ? sql`(${promotions.code} is null or upper(${promotions.code}) = upper(${code}))` : isNull(promotions.code),
  );

/**
 * The promotions running at `at` that can price a cart: every automatic one and those whose code is the cart's
 * (read from the cart in the same statement, so this needs not wait for the cart's row). For `priceRows` and
 * `priceBasket`, when the caller reads the variants itself.
 */
export async function cartPromotions(db: DbOrTx, cartId: string, at = new Date()): Promise<Promotion[]> {
  return runningPromotions(
    db,
    at,
    sql`(${promotions.code} is null or upper(${promotions.code}) = (select upper(c.discount_code) from carts c where c.id = ${cartId}))`,
  );
}

/**
 * The next moment at which an automatic promotion starts or ends, so the price of something changes without any
 * write (null when none is scheduled): a read cache must not keep prices past it.
 */
export async function nextPriceChangeAt(db: DbOrTx, at = new Date()): Promise<Date | null> {
  const [row] = await db.execute<{ next: string | Date | null }>(sql`
    select least(
      (select min(starts_at) from promotions where active and code is null and starts_at > ${at.toISOString()}::timestamptz),
      (select min(ends_at) from promotions where active and code is null and ends_at > ${at.toISOString()}::timestamptz)) as next`);
  return row?.next ? new Date(row.next) : null;
}

/** Prices of SKUs at a moment, with the best automatic promotion applied to each. */
export async function priceSkus(db: DbOrTx, skus: string[], at = new Date()): Promise<Map<string, PricedSku>> {
  if (!skus.length) return new Map();
  // Variants and promotions are read together: one round trip's wait, not two.
  const [rows, promos] = await Promise.all([
    db
      .select({
        sku: variants.sku,
        productId: variants.productId,
        title: variants.title,
        priceMinor: variants.priceMinor,
        currency: variants.currency,
        categorySlug: products.categorySlug,
        productTitle: products.title,
      })
      .from(variants)
      .innerJoin(products, eq(products.id, variants.productId))
      // One array parameter, not one parameter per SKU: with a page of ~130 SKUs, `in ($1…$130)` cost ~35 ms of
      // planning on each call at the scale seed, `= any($1)` ~1 ms.
      .where(sql`${variants.sku} = any(${sql.param(skus)}::text[])`),
    activePromotions(db, at, null),
  ]);
  return priceRows(rows, promos);
}

/** What pricing needs of a variant and its product. */
export type PriceRow = {
  sku: string;
  productId: string;
  title: string;
  priceMinor: number;
  currency: string;
  categorySlug: string;
  productTitle: string;
};

/** Prices of variants the caller has read, with the best automatic promotion (of `promos`) applied to each. */
export function priceRows(rows: PriceRow[], promos: Promotion[]): Map<string, PricedSku> {
  const out = new Map<string, PricedSku>();
  const automatic = promos.filter((p) => !p.code);
  for (const row of rows) {
    let best: Promotion | null = null;
    let bestOff = 0;
    for (const promo of automatic) {
      if (!applies(promo, row)) continue;
      const off = discountFor(promo, row.priceMinor);
      if (off > bestOff) [best, bestOff] = [promo, off];
    }
    out.set(row.sku, {
      sku: row.sku,
      productId: row.productId,
      categorySlug: row.categorySlug,
      title: row.title,
      productTitle: row.productTitle,
      currency: row.currency,
      listPriceMinor: row.priceMinor,
      priceMinor: row.priceMinor - bestOff,
      promotion: best ? { id: best.id, name: best.name, namePl: best.namePl } : null,
    });
  }
  return out;
}

export type PricedLine = PricedSku & { quantity: number; totalMinor: number };
export type PricedCart = {
  lines: PricedLine[];
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  currency: string;
  discountCode: { code: string; name: string } | null;
};

/** Prices a basket: line prices with automatic promotions, then a discount code on the lines it covers. */
export async function priceCart(
  db: DbOrTx,
  lines: { sku: string; quantity: number }[],
  options: { code?: string | null; at?: Date } = {},
): Promise<PricedCart> {
  const at = options.at ?? new Date();
  const [prices, codePromotions] = await Promise.all([
    priceSkus(
      db,
      lines.map((l) => l.sku),
      at,
    ),
    options.code ? activePromotions(db, at, options.code) : null,
  ]);
  return priceBasket(prices, lines, codePromotions ?? []);
}

/**
 * A basket priced from its SKUs' prices (`priceRows`, `priceSkus`): lines whose SKU has no price are left out, then
 * the first code promotion of `promos` (if any) discounts the lines it covers.
 */
export function priceBasket(
  prices: Map<string, PricedSku>,
  lines: { sku: string; quantity: number }[],
  promos: Promotion[],
): PricedCart {
  const priced: PricedLine[] = lines
    .filter((l) => prices.has(l.sku))
    .map((l) => {
      const p = prices.get(l.sku)!;
      return { ...p, quantity: l.quantity, totalMinor: p.priceMinor * l.quantity };
    });
  const subtotalMinor = priced.reduce((s, l) => s + l.totalMinor, 0);
  let discountMinor = 0;
  let discountCode: PricedCart["discountCode"] = null;
  const promo = promos.find((p) => p.code);
  if (promo) {
    discountCode = { code: promo.code!, name: promo.name };
    const eligible = priced.filter((l) => applies(promo, l));
    if (promo.kind === "percent") {
      discountMinor = eligible.reduce((s, l) => s + discountFor(promo, l.totalMinor), 0);
    } else {
      discountMinor = Math.min(
        promo.value,
        eligible.reduce((s, l) => s + l.totalMinor, 0),
      );
    }
  }
  return {
    lines: priced,
    subtotalMinor,
    discountMinor,
    totalMinor: subtotalMinor - discountMinor,
    currency: priced[0]?.currency ?? "PLN",
    discountCode,
  };
}

/** Whether a code names a promotion that is running now. */
export async function isValidDiscountCode(db: DbOrTx, code: string, at = new Date()): Promise<boolean> {
  return (await activePromotions(db, at, code)).some((p) => p.code && p.code.toUpperCase() === code.toUpperCase());
}
