import Papa from "papaparse";
import type { z } from "zod";

import { badRequest } from "./errors";

/**
 * Every reason a row of an imported file can be refused for. The admin app words each in the clerk's
 * language (its `products.csvRow` catalogue; scripts/message-catalogues.test.ts fails when one is missing);
 * `message` stays the English sentence of the public API.
 */
export const CSV_ROW_REASONS = [
  "unreadable",
  "missing_column",
  "required",
  "too_long",
  "whole_number",
  "true_false",
  "negative",
  "too_large",
  "slug_format",
  "sku_format",
  "ean_check",
  "vat_rate",
  "invalid",
  "sku_repeated",
  "ean_repeated",
  "differs_from_line",
  "category_unknown",
  "sku_other_product",
  "ean_used",
  "stock_row_repeated",
  "location_not_allowed",
  "location_unknown",
  "sku_unknown",
  "below_promised",
] as const;
export type CsvRowReason = (typeof CSV_ROW_REASONS)[number];

/** One problem of an imported file, by its line in the file (the header is line 1), with what the app words. */
export type CsvRowError = {
  line: number;
  column?: string;
  reason: CsvRowReason;
  params?: Record<string, string | number>;
  message: string;
};

const integerColumns = new Set(["price_minor", "unit_cost_minor", "vat_rate", "on_hand"]);
const flagColumns = new Set(["active", "featured", "variant_active"]);

/** The reason a field of a row failed its check, from the check's issue: the same checks as the admin's forms. */
export function fieldProblem(line: number, column: string, issue: z.core.$ZodIssue): CsvRowError {
  const base = { line, column: column || undefined, message: issue.message };
  const of = (reason: CsvRowReason, params: Record<string, string | number> = {}): CsvRowError => ({
    ...base,
    reason,
    params: { column, ...params },
  });
  if (column === "vat_rate" && issue.code !== "custom") return of("vat_rate");
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return of("required");
      return Number(issue.minimum) === 0 ? of("negative") : of("invalid");
    case "too_big":
      return issue.origin === "string" ? of("too_long", { max: Number(issue.maximum) }) : of("too_large");
    case "invalid_format":
      if (column === "slug") return of("slug_format");
      if (column === "sku") return of("sku_format");
      if (integerColumns.has(column)) return of("whole_number");
      return of("invalid");
    case "custom":
      if (column === "ean") return of("ean_check");
      if (flagColumns.has(column)) return of("true_false");
      if (integerColumns.has(column)) return of("whole_number");
      return of("invalid");
    case "invalid_type":
      return integerColumns.has(column) ? of("whole_number") : of("invalid");
    default:
      return of("invalid");
  }
}

export type CsvRow = { line: number; values: Record<string, string> };

/** Files larger than this are refused before parsing: an import is a spreadsheet, not a database dump. */
export const CSV_MAX_BYTES = 5_000_000;

/**
 * Parses a CSV file (papaparse: quotes, embedded commas and new lines, a spreadsheet's BOM, `;` as Excel writes it
 * in Poland) into rows keyed by header. A missing required column or a malformed line is a BAD_REQUEST that names it.
 */
export function parseCsv(text: string, required: readonly string[]): CsvRow[] {
  if (text.length > CSV_MAX_BYTES)
    throw badRequest("This file is too large to import (at most 5 MB).", { reason: "file_too_large", maxMegabytes: 5 });
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = result.meta.fields ?? [];
  const missing = required.filter((c) => !fields.includes(c));
  if (missing.length) {
    throw badRequest(`The file has no column ${missing.map((c) => `"${c}"`).join(", ")}.`, {
      reason: "csv_missing_columns",
      columns: missing.join(", "),
      errors: missing.map((column): CsvRowError => ({
        line: 1,
        column,
        reason: "missing_column",
        params: { column },
        message: `Missing column "${column}".`,
      })),
    });
  }
  const errors: CsvRowError[] = result.errors.map((e) => ({
    line: (e.row ?? 0) + 2,
    reason: "unreadable",
    message: `This line could not be read: ${e.message}.`,
  }));
  rejectIfAny(errors);
  if (!result.data.length) throw badRequest("The file has no rows.", { reason: "csv_empty" });
  return result.data.map((values, i) => ({ line: i + 2, values }));
}

/** Stops an import that found problems: nothing is written, and the caller gets every problem at once. */
export function rejectIfAny(errors: CsvRowError[]): void {
  if (!errors.length) return;
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  const first = sorted[0]!;
  throw badRequest(
    `${sorted.length} problem(s) in the file; nothing was imported. Line ${first.line}${first.column ? ` (${first.column})` : ""}: ${first.message}`,
    { reason: "csv_rows_invalid", count: sorted.length, line: first.line, errors: sorted.slice(0, 200) },
  );
}

/** Writes rows as CSV with the given columns in order (papaparse quotes whatever needs it). */
export function toCsv(
  columns: readonly string[],
  rows: Record<string, string | number | boolean | null | undefined>[],
) {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((r) => columns.map((c) => (r[c] == null ? "" : String(r[c])))) },
    { newline: "\n" },
  );
}
