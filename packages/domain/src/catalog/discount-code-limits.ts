import { sql } from "drizzle-orm";

import { promotionRedemptions, type Tx } from "@omni/db";

import { conflict } from "../kernel";

/**
 * Counts an order's use of a discount code against the code's limits, in the order's transaction. The
 * promotion row is locked, so racing checkouts with one code queue and cannot all slip under the limit.
 * Uses by orders later cancelled or expired do not count; a declined payment removes the order and,
 * with it, its use.
 */
export async function redeemDiscountCode(
  tx: Tx,
  input: { code: string; orderId: string; email: string; userId: string | null },
): Promise<void> {
  const [promo] = await tx.execute<{ id: string; usage_limit: number | null; usage_limit_per_customer: number | null }>(
    sql`select id, usage_limit, usage_limit_per_customer from promotions where code = ${input.code} for update`,
  );
  if (!promo) return;
  const email = input.email.toLowerCase();
  if (promo.usage_limit !== null || promo.usage_limit_per_customer !== null) {
    const [used] = await tx.execute<{ total: number; mine: number }>(sql`
      select count(*)::int as total,
        count(*) filter (where r.email = ${email} or (${input.userId}::uuid is not null and r.user_id = ${input.userId}::uuid))::int as mine
      from promotion_redemptions r join orders o on o.id = r.order_id
      where r.promotion_id = ${promo.id} and o.status not in ('cancelled', 'expired')`);
    if (promo.usage_limit !== null && used!.total >= promo.usage_limit)
      throw conflict(`The code ${input.code} has been used up. Remove it from your cart to continue.`, {
        reason: "discount_code_used_up",
        code: input.code,
        field: "code",
      });
    if (promo.usage_limit_per_customer !== null && used!.mine >= promo.usage_limit_per_customer)
      throw conflict(`You have already used the code ${input.code}. Remove it from your cart to continue.`, {
        reason: "discount_code_already_used",
        code: input.code,
        field: "code",
      });
  }
  await tx
    .insert(promotionRedemptions)
    .values({ promotionId: promo.id, orderId: input.orderId, email, userId: input.userId });
}
