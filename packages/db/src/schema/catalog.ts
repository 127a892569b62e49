import { sql } from "drizzle-orm";
import { boolean, check, customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const categories = pgTable("categories", {
  slug: text("slug").primaryKey(),
  name: text("name").notNull(),
  namePl: text("name_pl").notNull(),
  /** Products of a final-sale category cannot be returned. */
  finalSale: boolean("final_sale").notNull().default(false),
  position: integer("position").notNull().default(0),
});

export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Polish content; the shop shows it to Polish shoppers and falls back to `title`/`description` when empty. */
    titlePl: text("title_pl").notNull().default(""),
    descriptionPl: text("description_pl").notNull().default(""),
    categorySlug: text("category_slug")
      .notNull()
      .references(() => categories.slug),
    /** Both titles, folded (no Polish letters), for trigram matching of prefixes and typos. */
    searchText: text("search_text")
      .notNull()
      .generatedAlwaysAs(sql`omni_unaccent(title || ' ' || title_pl)`),
    /** Full text of both languages, folded; titles weigh A, descriptions B. */
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple', omni_unaccent(title || ' ' || title_pl)), 'A') || setweight(to_tsvector('simple', omni_unaccent(description || ' ' || description_pl)), 'B')`,
      ),
    active: boolean("active").notNull().default(true),
    /**
     * Whether any variant is active, kept by triggers on `variants` (migration "catalog_images_sellable"): search
     * reads this flag instead of probing the variants of every match, which at 100k variants was most of its time.
     */
    hasActiveVariant: boolean("has_active_variant").notNull().default(false),
    featured: boolean("featured").notNull().default(false),
    /** Seed for the locally generated product image. */
    imageHue: integer("image_hue").notNull().default(200),
    /** The VAT rate (percent) included in the prices: 23, 8, 5 or 0. */
    vatRate: integer("vat_rate").notNull().default(23),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("products_category_idx").on(t.categorySlug),
    check("products_vat_rate", sql`${t.vatRate} in (23, 8, 5, 0)`),
    // Search reads these two generated columns (see the migration "catalog_search"): stored, so that ranking and
    // rechecking thousands of matches reads a value instead of folding and parsing every title again.
    index("products_search_idx").using("gin", t.searchVector),
    index("products_search_text_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
    // Listings page in this order (featured first): with the index a page reads ~20 rows, not the whole catalogue.
    index("products_listing_idx")
      .on(t.featured.desc().nullsFirst(), t.slug)
      .where(sql`${t.active}`),
  ],
);

/**
 * The distinct words of the catalogue's full text (folded, letters only), kept by a trigger on `products` (migration
 * "search_lexicon"). A typo is corrected against this small table by trigram similarity, as the pg_trgm
 * documentation advises for "did you mean", and the full-text index then answers the corrected words: comparing a
 * word with a few thousand words is far cheaper than comparing it with the titles of every product.
 */
export const catalogWords = pgTable("catalog_words", { word: text("word").primaryKey() }, (t) => [
  index("catalog_words_trgm_idx").using("gin", t.word.op("gin_trgm_ops")),
]);

export type VariantOptions = { size?: string; colour?: string };

export const variants = pgTable(
  "variants",
  {
    sku: text("sku").primaryKey(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    title: text("title").notNull(),
    /** GTIN-13 barcode; search finds a variant by it exactly. */
    ean: text("ean").unique(),
    options: jsonb("options").$type<VariantOptions>().notNull().default({}),
    priceMinor: integer("price_minor").notNull(),
    /** What one unit costs us (minor units), where known: the base of margins and GMROI. */
    unitCostMinor: integer("unit_cost_minor"),
    currency: text("currency").notNull().default("PLN"),
    active: boolean("active").notNull().default(true),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("variants_product_idx").on(t.productId),
    // Catalogue search matches SKUs with `ilike '%word%'`: a trigram index answers that without a full scan
    // (the migration creates the pg_trgm extension).
    index("variants_sku_trgm_idx").using("gin", t.sku.op("gin_trgm_ops")),
    check("variants_price_nonneg", sql`${t.priceMinor} >= 0`),
    check("variants_cost_nonneg", sql`${t.unitCostMinor} >= 0`),
  ],
);

export const promotions = pgTable(
  "promotions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** The label Polish shoppers see; empty falls back to `name`. */
    namePl: text("name_pl").notNull().default(""),
    kind: text("kind", { enum: ["percent", "amount"] }).notNull(),
    /** Percent (1–100) or an amount in minor units. */
    value: integer("value").notNull(),
    categorySlug: text("category_slug").references(() => categories.slug),
    productId: uuid("product_id").references(() => products.id),
    /** When set, the promotion applies only to a cart that entered this code. */
    code: text("code").unique(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    active: boolean("active").notNull().default(true),
    /** A code's uses across all shoppers (orders not cancelled or expired); null: unlimited. */
    usageLimit: integer("usage_limit"),
    /** A code's uses per shopper (by e-mail, and by account when signed in); null: unlimited. */
    usageLimitPerCustomer: integer("usage_limit_per_customer"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("promotions_value_positive", sql`${t.value} > 0`)],
);

/**
 * Pictures uploaded in the admin. The file lives in the image store (a local folder by default, or an S3-compatible
 * bucket by setting) under `storageKey`; resized copies are made on first request and kept beside it.
 */
export const productImages = pgTable(
  "product_images",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** The colour option it shows (a variant's `options.colour`); empty for every colour. */
    colour: text("colour"),
    position: integer("position").notNull().default(0),
    storageKey: text("storage_key").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("product_images_product_idx").on(t.productId, t.position)],
);
