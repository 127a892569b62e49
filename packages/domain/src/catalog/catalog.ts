import { and, asc, eq } from "drizzle-orm";

import { categories, products, variants, type DbOrTx } from "@omni/db";

import { notFound } from "../kernel";
import { listProductImages } from "./images";
import { colourLabel, contentIn, sizeLabel, variantLabel, type Locale } from "./locale";
import { priceSkus } from "./pricing";
import { noRating, ratingsOf } from "./ratings";

export async function getProduct(db: DbOrTx, slug: string, locale: Locale = "en") {
  const [product] = await db
    .select({
      id: products.id,
      slug: products.slug,
      title: products.title,
      titlePl: products.titlePl,
      description: products.description,
      descriptionPl: products.descriptionPl,
      category: products.categorySlug,
      categoryName: categories.name,
      categoryNamePl: categories.namePl,
      finalSale: categories.finalSale,
      vatRate: products.vatRate,
      imageHue: products.imageHue,
    })
    .from(products)
    .innerJoin(categories, eq(categories.slug, products.categorySlug))
    .where(and(eq(products.slug, slug), eq(products.active, true)));
  if (!product) throw notFound("This product", "product_not_found");
  const rows = await db
    .select({ sku: variants.sku, title: variants.title, options: variants.options, currency: variants.currency })
    .from(variants)
    .where(and(eq(variants.productId, product.id), eq(variants.active, true)))
    .orderBy(asc(variants.position));
  const prices = await priceSkus(
    db,
    rows.map((r) => r.sku),
  );
  const rating = (await ratingsOf(db, [product.id])).get(product.id) ?? noRating;
  const variantList = rows.map((v) => {
    const price = prices.get(v.sku)!;
    return {
      ...v,
      title: locale === "pl" ? variantLabel(locale, v.options, v.title) : v.title,
      optionLabels: {
        size: v.options.size ? sizeLabel(locale, v.options.size) : undefined,
        colour: v.options.colour ? colourLabel(locale, v.options.colour) : undefined,
      },
      priceMinor: price.priceMinor,
      listPriceMinor: price.listPriceMinor,
      promotion: price.promotion ? contentIn(locale, price.promotion.name, price.promotion.namePl) : null,
    };
  });
  return {
    slug: product.slug,
    title: contentIn(locale, product.title, product.titlePl),
    description: contentIn(locale, product.description, product.descriptionPl),
    category: product.category,
    categoryName: product.categoryName,
    categoryNamePl: product.categoryNamePl,
    categoryLabel: contentIn(locale, product.categoryName, product.categoryNamePl),
    currency: variantList[0]?.currency ?? "PLN",
    finalSale: product.finalSale,
    vatRate: product.vatRate,
    imageHue: product.imageHue,
    /** Uploaded pictures (served by `/api/images/<id>`); without any, the apps draw one from `imageHue`. */
    images: await listProductImages(db, product.id),
    variants: variantList,
    rating,
  };
}

export async function listCategories(db: DbOrTx, locale: Locale = "en") {
  const rows = await db.select().from(categories).orderBy(asc(categories.position));
  return rows.map((c) => ({ ...c, label: contentIn(locale, c.name, c.namePl) }));
}
