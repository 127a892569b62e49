"use client";

import { lang } from "@/lib/lang";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { useTRPC } from "@omni/ui/trpc";

import { useCart } from "./cart-context";
import { RecommendationList } from "./recommendation-list";

/**
 * Recommendations from every channel's orders: with a product, what was bought together with it; on the cart,
 * what goes with its goods; otherwise "for you" (a member's own history, bestsellers for a guest). Never what
 * is already in the cart, never what is out of stock everywhere. Absent when there is nothing to suggest.
 */
export function RecommendedProducts({
  slug,
  mode,
  limit = 4,
}: {
  slug?: string;
  mode: "product" | "cart" | "forYou";
  limit?: number;
}) {
  const t = useTranslations("engagement");
  const locale = useLocale();
  const trpc = useTRPC();
  const { cartId } = useCart();
  const input =
    mode === "product"
      ? { slug, cartId: cartId ?? undefined, limit, locale: lang(locale) }
      : mode === "cart"
        ? { cartId: cartId ?? undefined, limit, locale: lang(locale) }
        : { limit, locale: lang(locale) };
  const recommended = useQuery({
    ...trpc.recommendations.list.queryOptions(input),
    enabled: mode !== "cart" || !!cartId,
  });
  const title = mode === "product" ? t("boughtTogether") : mode === "cart" ? t("goesWith") : t("forYou");
  return (
    <RecommendationList
      items={recommended.data?.items ?? []}
      title={title}
      testId={mode === "forYou" ? "for-you" : "recommendations"}
      locale={locale}
      outOfStockLabel={t("outOfStock")}
    />
  );
}
