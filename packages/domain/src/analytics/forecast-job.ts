import { sql } from "drizzle-orm";

import { bulkInsert, demandForecasts, type Database } from "@omni/db";

import { forecastSeries, reorderPoint } from "./forecasting";
import { calendarDay } from "./kpis";
import { ANALYTICS_TIME_ZONE } from "./refresh";
import { forecastSettings } from "./settings";

const DAY_MS = 86_400_000;
/** Sixteen weeks of history: enough to see a slow seller sell a few times, short enough to follow a trend. */
export const HISTORY_DAYS = 112;
/** The forecast error is measured over the last four weeks. */
export const ERROR_DAYS = 28;
const EVERY_MS = 20 * 60 * 60 * 1000;

/**
 * Recomputes the demand forecast of every location and SKU that sold in the last sixteen weeks, from the
 * units that left with orders (declined units stayed; cancelled and expired orders sold nothing), day by day
 * up to yesterday. Runs nightly; `force` recomputes at once.
 */
export async function recomputeForecasts(db: Database, now: Date, options: { force?: boolean } = {}): Promise<number> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.execute<{ ok: boolean }>(
      sql`select pg_try_advisory_xact_lock(hashtext('demand_forecasts')) as ok`,
    );
    if (!lock?.ok) return 0;
    if (!options.force) {
      const [last] = await tx.execute<{ at: Date | null }>(sql`select max(computed_at) as at from demand_forecasts`);
      if (last?.at && now.getTime() - new Date(last.at).getTime() < EVERY_MS) return 0;
    }
    const settings = await forecastSettings(tx);
    const today = calendarDay(now);
    const first = new Date(Date.parse(today) - HISTORY_DAYS * DAY_MS).toISOString().slice(0, 10);
    const zone = sql.raw(`'${ANALYTICS_TIME_ZONE}'`);
    const rows = await tx.execute<{ location_id: string; sku: string; day: number; units: number }>(sql`
      select o.location_id, l.sku,
             ((o.created_at at time zone ${zone})::date - ${first}::date)::int as day,
             sum(l.quantity - l.declined_quantity)::int as units
      from orders o join order_lines l on l.order_id = o.id
      where o.created_at >= (${first}::date::timestamp at time zone ${zone})
        and o.created_at < (${today}::date::timestamp at time zone ${zone})
        and o.status not in ('cancelled', 'expired')
      group by 1, 2, 3
      having sum(l.quantity - l.declined_quantity) > 0`);
    const series = new Map<string, { locationId: string; sku: string; units: number[] }>();
    for (const row of rows) {
      const key = `${row.location_id}|${row.sku}`;
      let entry = series.get(key);
      if (!entry)
        series.set(
          key,
          (entry = { locationId: row.location_id, sku: row.sku, units: new Array<number>(HISTORY_DAYS).fill(0) }),
        );
      entry.units[row.day] = row.units;
    }
    const computedAt = now;
    const out = [...series.values()].map((s) => {
      const f = forecastSeries(s.units, { errorWindow: ERROR_DAYS });
      const rop = reorderPoint({
        dailyDemand: f.dailyDemand,
        errorRmse: f.rmse,
        leadTimeDays: settings.leadTimeDays,
        serviceLevel: settings.serviceLevel,
      });
      return {
        locationId: s.locationId,
        sku: s.sku,
        method: f.method,
        demandClass: f.demandClass,
        adi: f.adi,
        cv2: f.cv2,
        dailyDemand: f.dailyDemand,
        errorRmse: f.rmse,
        errorMae: f.mae,
        leadTimeDays: settings.leadTimeDays,
        serviceLevel: settings.serviceLevel,
        safetyStock: rop.safetyStock,
        reorderPoint: rop.reorderPoint,
        unitsLast28Days: s.units.slice(-ERROR_DAYS).reduce((a, b) => a + b, 0),
        computedAt,
      };
    });
    await tx.execute(sql`delete from demand_forecasts`);
    await bulkInsert(tx, demandForecasts, out);
    return out.length;
  });
}
