import { asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";

import { locations, stockLevels, variants, type Database, type DbOrTx } from "@omni/db";

import {
  canManage,
  DomainError,
  fieldProblem,
  parseCsv,
  recordAudit,
  rejectIfAny,
  toCsv,
  type Actor,
  type CsvRowError,
} from "../kernel";
import { adjustOnHand } from "./reserve-stock";

export const stockCsvColumns = ["location_id", "sku", "on_hand", "held", "safety_stock"] as const;

/** Stock of one location (or all), one row per SKU. `held` and `safety_stock` are for reading; import sets `on_hand`. */
export async function exportStockCsv(db: DbOrTx, input: { storeId?: string } = {}) {
  const rows = await db
    .select()
    .from(stockLevels)
    .where(input.storeId ? eq(stockLevels.locationId, input.storeId) : undefined)
    .orderBy(asc(stockLevels.locationId), asc(stockLevels.sku));
  return toCsv(
    stockCsvColumns,
    rows.map((r) => ({
      location_id: r.locationId,
      sku: r.sku,
      on_hand: r.onHand,
      held: r.held,
      safety_stock: r.safetyStock,
    })),
  );
}

const stockRow = z.object({
  location_id: z.string().trim().min(1, "Enter a location."),
  sku: z.string().trim().min(1, "Enter a SKU."),
  on_hand: z
    .string()
    .trim()
    .regex(/^\d+$/, "on_hand is a whole number of units, 0 or more.")
    .transform(Number)
    .pipe(z.number().max(1_000_000, "on_hand is too large.")),
});

/**
 * A stock count from a spreadsheet: each row sets the units on the shelf of one SKU at one location, through the
 * same locked change as a cycle count (a movement with its reason for every row). Any bad row refuses the whole
 * file, listing every problem by line, and nothing changes.
 */
export async function importStockCsv(db: Database, actor: Actor, input: { csv: string; reason: string }) {
  const rows = parseCsv(input.csv, ["location_id", "sku", "on_hand"]);
  const errors: CsvRowError[] = [];
  const seen = new Map<string, number>();
  const counts: { line: number; locationId: string; sku: string; onHand: number }[] = [];
  for (const { line, values } of rows) {
    const parsed = stockRow.safeParse(values);
    if (!parsed.success) {
      errors.push(...parsed.error.issues.map((i) => fieldProblem(line, String(i.path[0] ?? ""), i)));
      continue;
    }
    const { location_id: locationId, sku, on_hand: onHand } = parsed.data;
    const key = `${locationId}/${sku}`;
    if (seen.has(key))
      errors.push({
        line,
        column: "sku",
        reason: "stock_row_repeated",
        params: { sku, location: locationId, otherLine: seen.get(key)! },
        message: `${sku} at ${locationId} is also on line ${seen.get(key)}.`,
      });
    seen.set(key, line);
    if (!canManage(actor, locationId))
      errors.push({
        line,
        column: "location_id",
        reason: "location_not_allowed",
        params: { location: locationId },
        message: `You cannot change stock at ${locationId}.`,
      });
    counts.push({ line, locationId, sku, onHand });
  }
  const known = async <T extends string>(column: "locations" | "variants", values: T[]) =>
    new Set(
      column === "locations"
        ? (await db.select({ id: locations.id }).from(locations).where(inArray(locations.id, values))).map((r) => r.id)
        : (await db.select({ id: variants.sku }).from(variants).where(inArray(variants.sku, values))).map((r) => r.id),
    );
  const locationIds = await known("locations", [...new Set(counts.map((c) => c.locationId))]);
  const skus = await known("variants", [...new Set(counts.map((c) => c.sku))]);
  for (const c of counts) {
    if (!locationIds.has(c.locationId))
      errors.push({
        line: c.line,
        column: "location_id",
        reason: "location_unknown",
        params: { location: c.locationId },
        message: `There is no location "${c.locationId}".`,
      });
    if (!skus.has(c.sku))
      errors.push({
        line: c.line,
        column: "sku",
        reason: "sku_unknown",
        params: { sku: c.sku },
        message: `There is no SKU ${c.sku}.`,
      });
  }
  rejectIfAny(errors);

  return db.transaction(async (tx) => {
    // Rows that count what is already on the shelf change nothing and leave no movement; one read finds them.
    const current = new Map(
      (
        await tx
          .select({ locationId: stockLevels.locationId, sku: stockLevels.sku, onHand: stockLevels.onHand })
          .from(stockLevels)
          .where(inArray(stockLevels.locationId, [...locationIds]))
      ).map((r) => [`${r.locationId}/${r.sku}`, r.onHand]),
    );
    let changed = 0;
    for (const c of counts) {
      if (current.get(`${c.locationId}/${c.sku}`) === c.onHand) continue;
      try {
        await adjustOnHand(tx, {
          locationId: c.locationId,
          sku: c.sku,
          setTo: c.onHand,
          reason: "cycle_count",
          note: `CSV import: ${input.reason}`,
          actor,
        });
      } catch (error) {
        // Units promised to shoppers cannot be counted away; the row says which, and the whole file rolls back.
        if (error instanceof DomainError && error.code === "CONFLICT")
          errors.push({
            line: c.line,
            column: "on_hand",
            reason: "below_promised",
            params: { sku: c.sku, held: Number(error.details?.held ?? 0) },
            message: error.message,
          });
        else throw error;
      }
      changed++;
    }
    rejectIfAny(errors);
    await recordAudit(tx, actor, {
      action: "inventory.importCsv",
      entityType: "stock",
      entityId: `${counts.length} rows`,
      after: { rows: counts.length, changed, reason: input.reason },
    });
    return { rows: counts.length, changed };
  });
}
