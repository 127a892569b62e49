"use server";

import { ProductRecommendations } from "@/components/product-recommendations";

/**
 * The product page's "bought together", rendered anew on the server after the shopper changed the cart (what is in
 * it is left out). It comes back as rendered UI, so the page still ships no recommendation code to the browser.
 */
export async function productRecommendationsAction(slug: string) {
  return <ProductRecommendations slug={String(slug).slice(0, 200)} />;
}
