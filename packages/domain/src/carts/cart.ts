import { and, asc, desc, eq, sql } from "drizzle-orm";

import type { AuditAction } from "@omni/core";
import {
  cartLines,
  carts,
  products,
  variants,
  type Database,
  type DbOrTx,
  type Tx,
  type VariantOptions,
} from "@omni/db";

import { cartPromotions, priceBasket, priceRows, type PriceRow, type Promotion } from "../catalog";
import { conflict, isStaff, notFound, randomSecret, recordAudit, type Actor } from "../kernel";

/**
 * Carts: the id is a long random secret, so a guest cart needs no account. A signed-in shopper's
 * cart is attached to the account, so the same cart shows on the web shop, the kiosk and the phone.
 */

export type CartStatus = "open" | "ordered" | "merged";

export type CartLineView = {
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  totalMinor: number;
  /** The price before automatic promotions: show it struck through when it differs. */
  listPriceMinor: number;
  title: string;
  productTitle: string;
  slug: string;
  imageHue: number;
  options: VariantOptions;
  currency: string;
  promotion: { id: string; name: string } | null;
};

export type CartView = {
  cartId: string;
  status: CartStatus;
  /** Whether the cart belongs to an account (it then follows the shopper to every channel). */
  attachedToAccount: boolean;
  lines: CartLineView[];
  itemCount: number;
  subtotalMinor: number;
  discountMinor: number;
  totalMinor: number;
  currency: string;
  discountCode: { code: string; name: string } | null;
  updatedAt: Date;
};

export type CartRow = typeof carts.$inferSelect;

/**
 * The cart id is a bearer secret, but a cart that belongs to an account is not shown to someone
 * signed in as another account: knowing the id is not enough to read another customer's cart.
 */
export function assertCartVisibleTo(cart: Pick<CartRow, "userId">, actor: Actor | undefined): void {
  if (actor && cart.userId && actor.userId && actor.userId !== cart.userId && !isStaff(actor))
    throw notFound("This cart", "cart_not_found");
}

/** The cart row, locked for the rest of the transaction so that writers of one cart queue up. */
export async function lockCart(tx: Tx, cartId: string, actor?: Actor): Promise<CartRow> {
  const [cart] = await tx.select().from(carts).where(eq(carts.id, cartId)).for("update");
  if (!cart) throw notFound("This cart", "cart_not_found");
  assertCartVisibleTo(cart, actor);
  return cart;
}

/** Refuses changes to a cart that has become an order or was merged into an account's cart. */
export function assertCartOpen(cart: CartRow): void {
  if (cart.status === "ordered")
    throw conflict("This cart has already been ordered. Start a new cart to keep shopping.", {
      reason: "cart_already_ordered",
    });
  if (cart.status === "merged")
    throw conflict("This cart was moved into your account's cart. Open your cart again to see it.", {
      reason: "cart_merged",
    });
}

/** A line of a cart as stored, with what pricing and the cart page need of its SKU (null: the variant is gone). */
export type CartStateLine = {
  sku: string;
  quantity: number;
  addedAt: Date;
  variant: (PriceRow & { slug: string; imageHue: number; options: VariantOptions }) | null;
};

/** What a cart view is made of: the cart's row and its lines with their SKUs, in the order the cart shows them. */
export type CartState = { cart: CartRow; lines: CartStateLine[] };

/** The columns of a variant and its product that a priced cart line needs. */
export const cartLineVariantColumns = {
  productId: variants.productId,
  title: variants.title,
  priceMinor: variants.priceMinor,
  currency: variants.currency,
  options: variants.options,
  categorySlug: products.categorySlug,
  productTitle: products.title,
  slug: products.slug,
  imageHue: products.imageHue,
};

/** The cart, its lines and their SKUs in one statement (null when there is no such cart). */
export async function readCart(db: DbOrTx, cartId: string): Promise<CartState | null> {
  const rows = await db
    .select({
      cart: carts,
      sku: cartLines.sku,
      quantity: cartLines.quantity,
      addedAt: cartLines.addedAt,
      ...cartLineVariantColumns,
    })
    .from(carts)
    .leftJoin(cartLines, eq(cartLines.cartId, carts.id))
    .leftJoin(variants, eq(variants.sku, cartLines.sku))
    .leftJoin(products, eq(products.id, variants.productId))
    .where(eq(carts.id, cartId))
    .orderBy(asc(cartLines.addedAt), asc(cartLines.sku));
  if (!rows[0]) return null;
  const lines: CartStateLine[] = [];
  for (const r of rows) {
    if (r.sku === null || r.quantity === null || r.addedAt === null) continue;
    lines.push({
      sku: r.sku,
      quantity: r.quantity,
      addedAt: r.addedAt,
      variant:
        r.productId === null
          ? null
          : {
              sku: r.sku,
              productId: r.productId,
              title: r.title!,
              priceMinor: r.priceMinor!,
              currency: r.currency!,
              categorySlug: r.categorySlug!,
              productTitle: r.productTitle!,
              slug: r.slug!,
              imageHue: r.imageHue!,
              options: r.options ?? {},
            },
    });
  }
  return { cart: rows[0].cart, lines };
}

/** The priced view of a cart read with `readCart`, with the promotions of `cartPromotions`. */
export function viewOfCart({ cart, lines: stored }: CartState, promos: Promotion[]): CartView {
  const withVariant = stored.filter((l) => l.variant);
  const priced = priceBasket(
    priceRows(
      withVariant.map((l) => l.variant!),
      promos,
    ),
    stored,
    promos,
  );
  const lookOf = new Map(withVariant.map((l) => [l.sku, l.variant!]));
  const lines = priced.lines.map((l) => ({
    sku: l.sku,
    quantity: l.quantity,
    unitPriceMinor: l.priceMinor,
    totalMinor: l.totalMinor,
    listPriceMinor: l.listPriceMinor,
    title: l.title,
    productTitle: l.productTitle,
    slug: lookOf.get(l.sku)?.slug ?? "",
    imageHue: lookOf.get(l.sku)?.imageHue ?? 200,
    options: lookOf.get(l.sku)?.options ?? {},
    currency: l.currency,
    promotion: l.promotion,
  }));
  return {
    cartId: cart.id,
    status: cart.status,
    attachedToAccount: cart.userId !== null,
    lines,
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    subtotalMinor: priced.subtotalMinor,
    discountMinor: priced.discountMinor,
    totalMinor: priced.totalMinor,
    currency: priced.currency,
    discountCode: priced.discountCode,
    updatedAt: cart.updatedAt,
  };
}

/**
 * The priced view of a cart, with everything a cart page shows; with `actor`, only a cart that caller may see.
 * Two statements sent together: the cart with its lines and their SKUs, and the promotions that price it.
 */
export async function cartView(db: DbOrTx, cartId: string, actor?: Actor): Promise<CartView> {
  const [state, promos] = await Promise.all([readCart(db, cartId), cartPromotions(db, cartId)]);
  if (!state) throw notFound("This cart", "cart_not_found");
  assertCartVisibleTo(state.cart, actor);
  return viewOfCart(state, promos);
}

/** Carts of a signed-in shopper follow them; a clerk's counter cart (channel `store`) stays a plain cart. */
export const cartOwnerOf = (actor: Actor): string | null =>
  actor.userId && actor.channel !== "store" ? actor.userId : null;

/** Serialises cart changes of one account, so that two tabs never open two account carts. */
export async function lockAccountCarts(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`cart:${userId}`}))`);
}

export async function openAccountCartId(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: carts.id })
    .from(carts)
    .where(and(eq(carts.userId, userId), eq(carts.status, "open")))
    .orderBy(desc(carts.updatedAt))
    .limit(1);
  return row?.id ?? null;
}

export async function insertCart(tx: Tx, userId: string | null): Promise<string> {
  const id = randomSecret();
  await tx.insert(carts).values({ id, userId });
  return id;
}

export async function touchCart(tx: Tx, cartId: string): Promise<void> {
  await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
}

/** The contract's `cart.get`. */
export async function getCart(db: Database, actor: Actor, input: { cartId: string }): Promise<CartView> {
  return cartView(db, input.cartId, actor);
}

/** The signed-in shopper's open cart, from whichever channel they last used, or null. */
export async function myCart(db: Database, actor: Actor): Promise<CartView | null> {
  const owner = cartOwnerOf(actor);
  if (!owner) return null;
  const id = await openAccountCartId(db, owner);
  return id ? cartView(db, id) : null;
}

/** Audits kiosk and staff cart writes (shoppers' own writes are not audited; recordAudit skips them). */
export async function auditCartWrite(
  tx: Tx,
  actor: Actor,
  action: AuditAction,
  cartId: string,
  after?: unknown,
): Promise<void> {
  // The cart id is a bearer secret: the audit log keeps only a prefix that identifies it to staff.
  await recordAudit(tx, actor, {
    action,
    entityType: "cart",
    entityId: cartId.slice(0, 8),
    storeId: actor.deviceStoreId,
    after,
  });
}
