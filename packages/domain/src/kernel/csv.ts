import Papa from "papaparse";

import { badRequest } from "./errors";

/** One problem of an imported file, by its line in the file (the header is line 1). */
export type CsvRowError = { line: number; column?: string; message: string };

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
      errors: missing.map((column) => ({ line: 1, column, message: `Missing column "${column}".` })),
    });
  }
  const errors: CsvRowError[] = result.errors.map((e) => ({
    line: (e.row ?? 0) + 2,
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
