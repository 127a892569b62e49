"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { useTRPC } from "@omni/ui/trpc";

import { useKiosk } from "./kiosk-session";
import { ProductCard } from "./product-card";

/**
 * "Bought together" at the kiosk: what shoppers in every channel bought with this product, filled with the
 * category's bestsellers, never what is in this kiosk's cart; what this store has on its shelves comes first
 * (the rest it can get sent in). Quietly absent when there is nothing to suggest.
 */
export function RecommendedProducts({ slug }: { slug: string }) {
  const t = useTranslations("product");
  const trpc = useTRPC();
  const { cartId } = useKiosk();
  const locale = useLocale();
  const recommended = useQuery(
    trpc.recommendations.list.queryOptions({
      slug,
      cartId: cartId ?? undefined,
      limit: 4,
      locale: locale === "pl" ? "pl" : "en",
    }),
  );
  const items = recommended.data?.items ?? [];
  if (!items.length) return null;
  return (
    <section data-testid="recommendations" aria-labelledby="recommended-title" className="flex flex-col gap-4">
      <h2 id="recommended-title" className="text-4xl font-semibold">
        {t("boughtTogether")}
      </h2>
      <ul className="grid grid-cols-4 gap-4">
        {items.map((item) => (
          <li key={item.slug} className="relative">
            <ProductCard item={item} />
            {item.inStore === false && (
              <p className="mt-1 text-lg text-slate-600" data-testid="can-get">
                {t("canGet")}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
