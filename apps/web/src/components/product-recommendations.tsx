import { CART_COOKIE } from "@/lib/cookie-names";
import { lang } from "@/lib/lang";
import { serverApi } from "@/server/api";
import { orUnavailable } from "@/server/optional";
import { getLocale, getTranslations } from "next-intl/server";
import { cookies } from "next/headers";

import { RecommendationList } from "./recommendation-list";

/**
 * "Bought together" on a product page, rendered on the server (the cart's id is in its cookie, so what is already
 * in the cart is left out) and streamed after the page: no client script of its own (live-recommendations.tsx renders
 * it again, through a server action, when the shopper changes the cart). Absent when there is nothing to suggest.
 */
export async function ProductRecommendations({ slug, limit = 4 }: { slug: string; limit?: number }) {
  const [api, locale, t, jar] = await Promise.all([serverApi(), getLocale(), getTranslations("engagement"), cookies()]);
  const cartId = jar.get(CART_COOKIE)?.value;
  const recommended = await orUnavailable(
    api.recommendations.list({ slug, cartId: cartId || undefined, limit, locale: lang(locale) }),
    "product recommendations",
  );
  return (
    <RecommendationList
      items={recommended?.items ?? []}
      title={t("boughtTogether")}
      testId="recommendations"
      locale={locale}
      outOfStockLabel={t("outOfStock")}
    />
  );
}
