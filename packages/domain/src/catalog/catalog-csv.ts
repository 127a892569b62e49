import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";

import { categories, products, variants, type Database, type DbOrTx } from "@omni/db";

import { fieldProblem, parseCsv, recordAudit, rejectIfAny, toCsv, type Actor, type CsvRowError } from "../kernel";
import { productContent, slugField, variantFields } from "./catalog-inputs";
import { hueOf, variantTitle } from "./product-create";

/** One row per variant; the product's columns repeat on each of its variants. Money in grosze, as in the API. */
export const productCsvColumns = [
  "slug",
  "title",
  "title_pl",
  "description",
  "description_pl",
  "category",
  "vat_rate",
  "active",
  "featured",
  "sku",
  "ean",
  "variant_title",
  "size",
  "colour",
  "price_minor",
  "unit_cost_minor",
  "variant_active",
] as const;
const requiredColumns = ["slug", "title", "title_pl", "category", "sku", "price_minor"] as const;

export async function exportProductsCsv(db: DbOrTx, input: { categorySlug?: string } = {}) {
  const rows = await db
    .select({ product: products, variant: variants })
    .from(variants)
    .innerJoin(products, eq(products.id, variants.productId))
    .where(input.categorySlug ? eq(products.categorySlug, input.categorySlug) : undefined)
    .orderBy(asc(products.slug), asc(variants.position), asc(variants.sku));
  return toCsv(
    productCsvColumns,
    rows.map(({ product: p, variant: v }) => ({
      slug: p.slug,
      title: p.title,
      title_pl: p.titlePl,
      description: p.description,
      description_pl: p.descriptionPl,
      category: p.categorySlug,
      vat_rate: p.vatRate,
      active: p.active,
      featured: p.featured,
      sku: v.sku,
      ean: v.ean,
      variant_title: v.title,
      size: v.options.size,
      colour: v.options.colour,
      price_minor: v.priceMinor,
      unit_cost_minor: v.unitCostMinor,
      variant_active: v.active,
    })),
  );
}

const flag = (column: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine(
      (v) => ["", "true", "false", "1", "0", "yes", "no", "tak", "nie"].includes(v),
      `${column} is true or false.`,
    )
    .transform((v) => ["true", "1", "yes", "tak"].includes(v));
const integer = (column: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^-?\d+$/.test(v), `${column} is a whole number.`)
    .transform(Number);
const optional = (s: string | undefined) => (s?.trim() ? s : undefined);

const csvProduct = z.object({
  slug: slugField.pipe(z.string().min(1, "Enter a slug.")),
  ...productContent,
  vatRate: integer("vat_rate").pipe(productContent.vatRate),
  active: flag("active"),
  featured: flag("featured"),
});
const csvVariant = variantFields.extend({
  priceMinor: integer("price_minor").pipe(variantFields.shape.priceMinor),
  unitCostMinor: integer("unit_cost_minor").pipe(z.number().int().min(0, "A cost cannot be negative.")).optional(),
  active: flag("variant_active"),
});

const columnOf: Record<string, string> = {
  titlePl: "title_pl",
  descriptionPl: "description_pl",
  categorySlug: "category",
  vatRate: "vat_rate",
  priceMinor: "price_minor",
  unitCostMinor: "unit_cost_minor",
  title: "title",
};

function issues(line: number, error: z.ZodError, variant = false): CsvRowError[] {
  return error.issues.map((i) => {
    const key = String(i.path[0] ?? "");
    const column =
      key === "options"
        ? String(i.path[1] ?? "")
        : variant && key === "title"
          ? "variant_title"
          : (columnOf[key] ?? key);
    return fieldProblem(line, column, i);
  });
}

type ParsedProduct = z.output<typeof csvProduct> & {
  line: number;
  variants: (z.output<typeof csvVariant> & { line: number })[];
};

/**
 * Imports products and their variants from CSV: new slugs and SKUs are created, known ones updated. Every row is
 * checked first (fields, categories, duplicate SKUs and EANs, a SKU that belongs to another product); one bad row
 * refuses the whole file with the list of problems by line, and nothing changes.
 */
export async function importProductsCsv(db: Database, actor: Actor, input: { csv: string; dryRun?: boolean }) {
  const rows = parseCsv(input.csv, requiredColumns);
  const errors: CsvRowError[] = [];
  const bySlug = new Map<string, ParsedProduct>();
  const seenSku = new Map<string, number>();
  const seenEan = new Map<string, number>();
  for (const { line, values: r } of rows) {
    const product = csvProduct.safeParse({
      slug: r.slug ?? "",
      title: r.title ?? "",
      titlePl: r.title_pl ?? "",
      description: r.description ?? "",
      descriptionPl: r.description_pl ?? "",
      categorySlug: r.category ?? "",
      vatRate: optional(r.vat_rate) ?? "23",
      active: r.active ?? "",
      featured: r.featured ?? "",
    });
    const variant = csvVariant.safeParse({
      sku: r.sku ?? "",
      ean: optional(r.ean) ?? null,
      title: optional(r.variant_title),
      options: { size: optional(r.size), colour: optional(r.colour) },
      priceMinor: r.price_minor ?? "",
      unitCostMinor: optional(r.unit_cost_minor),
      active: optional(r.variant_active) ?? "true",
    });
    // Duplicates are looked for on every row, also on rows with other mistakes, so one pass names them all.
    const rawSku = r.sku?.trim();
    if (rawSku && seenSku.has(rawSku))
      errors.push({
        line,
        column: "sku",
        reason: "sku_repeated",
        params: { sku: rawSku, otherLine: seenSku.get(rawSku)! },
        message: `SKU ${rawSku} is also on line ${seenSku.get(rawSku)}.`,
      });
    if (rawSku && !seenSku.has(rawSku)) seenSku.set(rawSku, line);
    const rawEan = r.ean?.trim();
    if (rawEan && seenEan.has(rawEan))
      errors.push({
        line,
        column: "ean",
        reason: "ean_repeated",
        params: { ean: rawEan, otherLine: seenEan.get(rawEan)! },
        message: `EAN ${rawEan} is also on line ${seenEan.get(rawEan)}.`,
      });
    if (rawEan && !seenEan.has(rawEan)) seenEan.set(rawEan, line);
    if (!product.success) errors.push(...issues(line, product.error));
    if (!variant.success) errors.push(...issues(line, variant.error, true));
    if (!product.success || !variant.success) continue;
    const v = variant.data;
    const known = bySlug.get(product.data.slug);
    if (!known) {
      bySlug.set(product.data.slug, { ...product.data, line, variants: [{ ...v, line }] });
      continue;
    }
    // The product's columns repeat on each variant; two rows that disagree are a mistake, not a choice.
    const differs = (Object.keys(product.data) as (keyof typeof product.data)[]).find(
      (k) => product.data[k] !== known[k],
    );
    if (differs) {
      errors.push({
        line,
        column: columnOf[differs] ?? differs,
        reason: "differs_from_line",
        params: { otherLine: known.line, slug: known.slug },
        message: `This differs from line ${known.line} for the same product "${known.slug}".`,
      });
    }
    known.variants.push({ ...v, line });
  }
  // Field errors are reported together with what only the database knows (categories, codes in use).
  const parsed = [...bySlug.values()];

  return db.transaction(async (tx) => {
    const categorySlugs = new Set((await tx.select({ slug: categories.slug }).from(categories)).map((c) => c.slug));
    const existing = new Map(
      (
        await tx
          .select()
          .from(products)
          .where(inArray(products.slug, [...bySlug.keys()]))
          .for("update")
      ).map((p) => [p.slug, p]),
    );
    const skus = parsed.flatMap((p) => p.variants.map((v) => v.sku));
    const knownVariants = new Map(
      (await tx.select().from(variants).where(inArray(variants.sku, skus)).for("update")).map((v) => [v.sku, v]),
    );
    const eans = parsed.flatMap((p) => p.variants.flatMap((v) => (v.ean ? [v.ean] : [])));
    const eanOwners = new Map(
      eans.length
        ? (
            await tx.select({ sku: variants.sku, ean: variants.ean }).from(variants).where(inArray(variants.ean, eans))
          ).map((v) => [v.ean!, v.sku])
        : [],
    );
    for (const p of parsed) {
      if (!categorySlugs.has(p.categorySlug))
        errors.push({
          line: p.line,
          column: "category",
          reason: "category_unknown",
          params: { category: p.categorySlug },
          message: `There is no category "${p.categorySlug}".`,
        });
      const productId = existing.get(p.slug)?.id;
      for (const v of p.variants) {
        const current = knownVariants.get(v.sku);
        if (current && current.productId !== productId)
          errors.push({
            line: v.line,
            column: "sku",
            reason: "sku_other_product",
            params: { sku: v.sku },
            message: `SKU ${v.sku} belongs to another product.`,
          });
        const owner = v.ean ? eanOwners.get(v.ean) : undefined;
        if (owner && owner !== v.sku && !seenSku.has(owner))
          errors.push({
            line: v.line,
            column: "ean",
            reason: "ean_used",
            params: { ean: v.ean!, sku: owner },
            message: `EAN ${v.ean} is already used by SKU ${owner}.`,
          });
      }
    }
    rejectIfAny(errors);

    const summary = { productsCreated: 0, productsUpdated: 0, variantsCreated: 0, variantsUpdated: 0 };
    if (input.dryRun) return { ...summary, dryRun: true, rows: rows.length };
    // EANs move between SKUs of the file in any order: clear them first so the unique index never sees two.
    const fileEan = new Map(parsed.flatMap((p) => p.variants.map((v) => [v.sku, v.ean ?? null] as const)));
    const movingEans = new Set(
      skus.filter((s) => knownVariants.get(s)?.ean && knownVariants.get(s)!.ean !== fileEan.get(s)),
    );
    if (movingEans.size)
      await tx
        .update(variants)
        .set({ ean: null })
        .where(inArray(variants.sku, [...movingEans]));
    for (const p of parsed) {
      const { slug, title, titlePl, description, descriptionPl, categorySlug, vatRate, active, featured } = p;
      const fields = { title, titlePl, description, descriptionPl, categorySlug, vatRate, active, featured };
      let productId = existing.get(p.slug)?.id;
      const before = existing.get(p.slug);
      if (before && productId) {
        // An unchanged row is not rewritten: each write re-indexes the product's search columns.
        if ((Object.keys(fields) as (keyof typeof fields)[]).some((k) => fields[k] !== before[k])) {
          await tx.update(products).set(fields).where(eq(products.id, productId));
        }
        summary.productsUpdated++;
      } else {
        const [row] = await tx
          .insert(products)
          .values({ ...fields, slug, imageHue: hueOf(slug) })
          .returning({ id: products.id });
        productId = row!.id;
        summary.productsCreated++;
      }
      for (const [position, v] of p.variants.entries()) {
        const values = {
          ean: v.ean ?? null,
          title: variantTitle(v),
          options: v.options,
          priceMinor: v.priceMinor,
          unitCostMinor: v.unitCostMinor ?? null,
          active: v.active,
          position,
        };
        const known = knownVariants.get(v.sku);
        if (known) {
          const same =
            known.ean === values.ean &&
            known.title === values.title &&
            JSON.stringify(known.options) === JSON.stringify(values.options) &&
            known.priceMinor === values.priceMinor &&
            known.unitCostMinor === values.unitCostMinor &&
            known.active === values.active &&
            known.position === values.position;
          // An EAN cleared above (it may move between SKUs) is written back even when nothing else changed.
          if (!same || movingEans.has(v.sku)) await tx.update(variants).set(values).where(eq(variants.sku, v.sku));
          summary.variantsUpdated++;
        } else {
          await tx.insert(variants).values({ ...values, sku: v.sku, productId });
          summary.variantsCreated++;
        }
      }
    }
    await recordAudit(tx, actor, {
      action: "products.import",
      entityType: "product",
      entityId: `${parsed.length} products`,
      after: summary,
    });
    return { ...summary, dryRun: false, rows: rows.length };
  });
}
