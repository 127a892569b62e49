import { sql } from "drizzle-orm";

import type { DbOrTx } from "@omni/db";

/**
 * The replenishment settings (rows of `settings`): the cycle service level the safety stock aims for, the
 * days a delivery takes to arrive, and the days between two orders to the same supplier.
 */
export async function forecastSettings(db: DbOrTx) {
  const rows = await db.execute<{ key: string; value: unknown }>(
    sql`select key, value from settings where key in ('forecast_service_level', 'forecast_lead_time_days', 'forecast_review_days')`,
  );
  const get = (key: string, fallback: number, ok: (n: number) => boolean) => {
    const value = Number(rows.find((r) => r.key === key)?.value);
    return Number.isFinite(value) && ok(value) ? value : fallback;
  };
  return {
    serviceLevel: get("forecast_service_level", 0.95, (n) => n > 0.5 && n < 1),
    leadTimeDays: get("forecast_lead_time_days", 7, (n) => n >= 1 && n <= 180),
    reviewDays: get("forecast_review_days", 7, (n) => n >= 1 && n <= 180),
  };
}
