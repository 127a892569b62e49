import { z } from "zod";

import { isValidEan13 } from "@omni/core";

/**
 * The shapes of catalogue content, shared by the admin procedures and the CSV import, so that a field typed in a
 * form and the same field in a spreadsheet are checked the same way.
 */
const plain = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters.`)
    .refine((value) => !value.includes("\u0000"), "This text contains a character that is not allowed.");

export const slugField = plain(120).pipe(
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A slug is lower-case letters and digits joined by hyphens."),
);
export const skuField = plain(64).pipe(
  z
    .string()
    .min(1, "Enter a SKU.")
    .regex(/^[A-Z0-9][A-Z0-9._-]*$/, "A SKU is capital letters, digits, dots, hyphens and underscores."),
);
export const eanField = z
  .string()
  .trim()
  .refine(isValidEan13, "An EAN is 13 digits whose last digit is the check digit of the others.");
export const vatRateField = z.union(
  [z.literal(23), z.literal(8), z.literal(5), z.literal(0)],
  "The VAT rate is 23, 8, 5 or 0.",
);
export const moneyField = z
  .number("Enter an amount in grosze.")
  .int("Enter an amount in whole grosze.")
  .min(0, "An amount cannot be negative.")
  .max(100_000_000, "That amount is too large.");
export const optionsField = z
  .object({ size: plain(32).pipe(z.string().min(1)).optional(), colour: plain(32).pipe(z.string().min(1)).optional() })
  .strict();

export const productContent = {
  title: plain(200).pipe(z.string().min(1, "Enter an English title.")),
  titlePl: plain(200).pipe(z.string().min(1, "Enter a Polish title.")),
  description: plain(5000),
  descriptionPl: plain(5000),
  categorySlug: plain(64).pipe(z.string().min(1, "Choose a category.")),
  vatRate: vatRateField,
};

export const variantFields = z.object({
  sku: skuField,
  ean: eanField.nullish(),
  title: plain(200).optional(),
  options: optionsField.default({}),
  priceMinor: moneyField,
  unitCostMinor: moneyField.nullish(),
  active: z.boolean().default(true),
});
export type VariantFields = z.input<typeof variantFields>;

export const newProduct = z.object({
  slug: slugField.optional(),
  ...productContent,
  description: productContent.description.default(""),
  descriptionPl: productContent.descriptionPl.default(""),
  vatRate: vatRateField.default(23),
  active: z.boolean().default(false),
  featured: z.boolean().default(false),
  variants: z.array(variantFields).max(200).default([]),
});
export type NewProduct = z.input<typeof newProduct>;

export const categoryFields = z.object({
  slug: slugField,
  name: plain(100).pipe(z.string().min(1, "Enter an English name.")),
  namePl: plain(100).pipe(z.string().min(1, "Enter a Polish name.")),
  finalSale: z.boolean().default(false),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CategoryFields = z.input<typeof categoryFields>;

/** A slug made from a title: Polish letters folded ("Żółta kurtka" → "zolta-kurtka"). */
export function slugify(title: string): string {
  return title
    .replace(/[łŁ]/g, "l")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100);
}
