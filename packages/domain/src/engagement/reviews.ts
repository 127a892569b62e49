import { and, desc, eq, sql } from "drizzle-orm";

import { normalizeOrderNumber } from "@omni/core";
import { orders, products, reviews, type Database, type DbOrTx } from "@omni/db";

import { badRequest, conflict, isUniqueViolation, notFound, recordAudit, withCodeLimit, type Actor } from "../kernel";

/** Orders whose goods are in the shopper's hands: only these may be reviewed. */
const REVIEWABLE = ["collected", "delivered"] as const;

/** The name shown with a review: the buyer's first name, never their e-mail. */
const authorOf = (name: string) => name.trim().split(/\s+/)[0]?.slice(0, 40) || "—";

/**
 * `reviews.create`: a verified buyer rates a product of one of their collected or delivered orders, once per
 * product and order, from any channel. Wrong order numbers or e-mails count towards the caller's code limit.
 */
export async function createReview(
  db: Database,
  actor: Actor,
  input: { orderNumber: string; email?: string; slug: string; rating: number; text?: string },
) {
  if (!input.email && !actor.userId)
    throw badRequest("Enter the e-mail address you used for the order.", { reason: "email_required" });
  const order = await withCodeLimit(db, actor, async () => {
    const number = normalizeOrderNumber(input.orderNumber);
    const [row] = /^[A-Z0-9-]{1,64}$/.test(number)
      ? await db.select().from(orders).where(eq(orders.number, number))
      : [];
    const mine = input.email
      ? row?.email === input.email.trim().toLowerCase()
      : !!actor.userId && row?.userId === actor.userId;
    if (!row || !mine)
      throw notFound(`Order ${number.slice(0, 64)}`, "order_not_found", { order: number.slice(0, 64) });
    return row;
  });
  if (!(REVIEWABLE as readonly string[]).includes(order.status)) {
    throw conflict("You can rate a product once the order is collected or delivered.", { reason: "review_too_early" });
  }
  const [bought] = await db.execute<{ product_id: string }>(sql`
    select p.id as product_id from order_lines ol
    join variants v on v.sku = ol.sku join products p on p.id = v.product_id
    where ol.order_id = ${order.id} and p.slug = ${input.slug} and ol.declined_quantity < ol.quantity
    limit 1`);
  if (!bought)
    throw badRequest("This product is not part of the order.", {
      reason: "review_product_not_in_order",
      field: "slug",
    });
  try {
    return await db.transaction(async (tx) => {
      const [review] = await tx
        .insert(reviews)
        .values({
          productId: bought.product_id,
          orderId: order.id,
          rating: input.rating,
          text: input.text?.trim() || null,
          author: authorOf(order.name),
          channel: actor.channel,
        })
        .returning();
      await recordAudit(tx, actor, { action: "reviews.create", entityType: "review", entityId: review!.id });
      return { id: review!.id, rating: review!.rating, status: review!.status };
    });
  } catch (error) {
    if (isUniqueViolation(error, "reviews_order_product_unique")) {
      throw conflict("You have already rated this product from this order.", { reason: "review_exists" });
    }
    throw error;
  }
}

const decodeCursor = (cursor?: string | null) => {
  const n = cursor ? Number.parseInt(cursor, 36) : 0;
  return Number.isFinite(n) && n > 0 ? n : 0;
};

/** `reviews.list`: the published reviews of a product, newest first, with the shop's reply. */
export async function listReviews(db: DbOrTx, input: { slug: string; limit?: number; cursor?: string | null }) {
  const [product] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.slug, input.slug), eq(products.active, true)));
  if (!product) throw notFound("This product", "product_not_found");
  const limit = input.limit ?? 10;
  const offset = decodeCursor(input.cursor);
  const rows = await db
    .select({
      rating: reviews.rating,
      text: reviews.text,
      author: reviews.author,
      at: reviews.createdAt,
      channel: reviews.channel,
      reply: reviews.reply,
    })
    .from(reviews)
    .where(and(eq(reviews.productId, product.id), eq(reviews.status, "published")))
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(limit + 1)
    .offset(offset);
  return {
    items: rows.slice(0, limit),
    nextCursor: rows.length > limit ? (offset + limit).toString(36) : null,
    rating: await productRating(db, product.id),
  };
}

/** Average (one decimal) and count of a product's published reviews. */
export async function productRating(db: DbOrTx, productId: string) {
  const [row] = await db.execute<{ average: number | null; count: number }>(sql`
    select round(avg(rating)::numeric, 1)::float as average, count(*)::int as count
    from reviews where product_id = ${productId} and status = 'published'`);
  return { average: row?.average ?? null, count: row?.count ?? 0 };
}

/** Admin: every review, the newest first, optionally of one status, with its product and order. */
export async function listReviewsForModeration(
  db: DbOrTx,
  input: { status?: "published" | "hidden"; limit?: number } = {},
) {
  return db
    .select({
      id: reviews.id,
      rating: reviews.rating,
      text: reviews.text,
      author: reviews.author,
      channel: reviews.channel,
      status: reviews.status,
      reply: reviews.reply,
      at: reviews.createdAt,
      slug: products.slug,
      productTitle: products.title,
      orderNumber: orders.number,
    })
    .from(reviews)
    .innerJoin(products, eq(products.id, reviews.productId))
    .innerJoin(orders, eq(orders.id, reviews.orderId))
    .where(input.status ? eq(reviews.status, input.status) : undefined)
    .orderBy(desc(reviews.createdAt), desc(reviews.id))
    .limit(input.limit ?? 100);
}

/** Admin: publish or hide a review, or answer it in the shop's name (an empty reply removes it). */
export async function moderateReview(
  db: Database,
  actor: Actor,
  input: { id: string; status?: "published" | "hidden"; reply?: string },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(reviews).where(eq(reviews.id, input.id)).for("update");
    if (!before) throw notFound("This review", "review_not_found");
    const reply = input.reply === undefined ? before.reply : input.reply.trim() || null;
    const [after] = await tx
      .update(reviews)
      .set({
        status: input.status ?? before.status,
        reply,
        repliedAt: input.reply === undefined ? before.repliedAt : reply ? new Date() : null,
      })
      .where(eq(reviews.id, input.id))
      .returning();
    await recordAudit(tx, actor, {
      action: "reviews.moderate",
      entityType: "review",
      entityId: input.id,
      before: { status: before.status, reply: before.reply },
      after: { status: after!.status, reply: after!.reply },
    });
    return { id: after!.id, status: after!.status, reply: after!.reply };
  });
}
