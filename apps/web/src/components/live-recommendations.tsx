"use client";

import { productRecommendationsAction } from "@/app/actions/recommendations";
import { useEffect, useState, type ReactNode } from "react";

import { useCartSummary } from "./cart-store";

/**
 * The product page's server-rendered "bought together" (`children`), rendered again whenever the shopper changes the
 * cart, through the cart summary that the header's cart count follows (cart-store.ts): a product just added leaves
 * the list. A page brought back by the router (Back after adding another product) is as it was rendered, so it reads
 * again on arrival once the cart changed in this tab. Until the new list arrives, or if it fails, the previous one
 * stays.
 */
export function LiveRecommendations({ slug, children }: { slug: string; children: ReactNode }) {
  const { edits } = useCartSummary();
  const [rendered, setRendered] = useState<{ slug: string; list: ReactNode } | null>(null);
  useEffect(() => {
    if (edits === 0) return;
    let current = true;
    productRecommendationsAction(slug).then(
      (list) => current && setRendered({ slug, list }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [slug, edits]);
  return rendered?.slug === slug ? rendered.list : children;
}
