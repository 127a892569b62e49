import { desc, eq } from "drizzle-orm";

import { categories, products, promotions, type Database, type DbOrTx } from "@omni/db";

import { badRequest, notFound, recordAudit, type Actor } from "../kernel";

export type PromotionInput = {
  name: string;
  kind: "percent" | "amount";
  value: number;
  categorySlug?: string | null;
  productId?: string | null;
  code?: string | null;
  startsAt: Date;
  endsAt: Date;
  usageLimit?: number | null;
  usageLimitPerCustomer?: number | null;
};

export async function listPromotions(db: DbOrTx) {
  const rows = await db.select().from(promotions).orderBy(desc(promotions.createdAt));
  const now = Date.now();
  return rows.map((p) => ({ ...p, running: p.active && p.startsAt.getTime() <= now && p.endsAt.getTime() > now }));
}

async function validate(db: DbOrTx, input: PromotionInput) {
  if (input.endsAt <= input.startsAt)
    throw badRequest("The promotion must end after it starts.", { reason: "promotion_ends_before_start" });
  if (input.kind === "percent" && input.value > 100)
    throw badRequest("A percentage cannot exceed 100.", { reason: "percent_over_100" });
  if (input.categorySlug && input.productId)
    throw badRequest("Choose a category or a product, not both.", { reason: "promotion_category_or_product" });
  if (
    input.categorySlug &&
    !(await db.select().from(categories).where(eq(categories.slug, input.categorySlug))).length
  ) {
    throw badRequest(`There is no category "${input.categorySlug}".`, {
      reason: "category_not_found",
      category: input.categorySlug,
    });
  }
  if (
    input.productId &&
    !(await db.select({ id: products.id }).from(products).where(eq(products.id, input.productId))).length
  ) {
    throw badRequest("That product does not exist.", { reason: "product_not_found" });
  }
}

/** A new promotion takes effect at once everywhere, because every price comes from priceSkus/priceCart. */
export async function createPromotion(db: Database, actor: Actor, input: PromotionInput) {
  return db.transaction(async (tx) => {
    await validate(tx, input);
    const code = input.code?.trim().toUpperCase() || null;
    if (code && (await tx.select({ id: promotions.id }).from(promotions).where(eq(promotions.code, code))).length) {
      throw badRequest(`The code ${code} is already in use.`, { reason: "discount_code_exists", code });
    }
    const [created] = await tx
      .insert(promotions)
      .values({ ...input, code })
      .returning();
    await recordAudit(tx, actor, {
      action: "promotions.create",
      entityType: "promotion",
      entityId: created!.id,
      after: created,
    });
    return created!;
  });
}

export async function setPromotionActive(db: Database, actor: Actor, input: { promotionId: string; active: boolean }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(promotions).where(eq(promotions.id, input.promotionId)).for("update");
    if (!before) throw notFound("This promotion", "promotion_not_found");
    const [after] = await tx
      .update(promotions)
      .set({ active: input.active })
      .where(eq(promotions.id, input.promotionId))
      .returning();
    await recordAudit(tx, actor, {
      action: "promotions.setActive",
      entityType: "promotion",
      entityId: input.promotionId,
      before,
      after,
    });
    return after!;
  });
}
