/**
 * A product's title as the clerk reads it: the Polish one on a Polish screen (the English where a product has
 * none yet), the English otherwise. `products.list` sorts by the same words when given the clerk's locale.
 */
export const productTitleIn =
  (locale: string) =>
  (product: { title: string; titlePl?: string | null }): string =>
    locale === "pl" && product.titlePl ? product.titlePl : product.title;
