import { sql } from "drizzle-orm";

import type { Database } from "@omni/db";

import { polishLineTitles } from "../catalog";
import { availableSql } from "../inventory";
import { forbidden, type Actor } from "../kernel";
import { findLocation } from "../stores";
import { recomputeForecasts } from "./forecast-job";
import { daysOfCover, suggestedQuantity } from "./forecasting";
import { forecastSettings } from "./settings";

/**
 * The reorder list of a store: each SKU's nightly forecast against what is available now, the most urgent
 * first (least cover). A SKU asked for by name that has not sold in sixteen weeks answers with no demand.
 */
export async function listForecast(
  db: Database,
  actor: Actor,
  input: { storeId: string; sku?: string; limit?: number },
) {
  if (actor.role !== "admin" && !(actor.role === "manager" && actor.storeIds.includes(input.storeId)))
    throw forbidden("Only a manager of this store can see its forecasts.", { reason: "manager_only" });
  await findLocation(db, input.storeId);
  const [any] = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from (select 1 from demand_forecasts limit 1) x`,
  );
  if (!any?.n) await recomputeForecasts(db, new Date(), { force: true });
  const settings = await forecastSettings(db);
  const rows = await db.execute<{
    sku: string;
    title: string | null;
    on_hand: number;
    available: number;
    method: string | null;
    demand_class: string | null;
    daily_demand: number | null;
    error_rmse: number | null;
    error_mae: number | null;
    safety_stock: number | null;
    reorder_point: number | null;
    lead_time_days: number | null;
    service_level: number | null;
    units_last_28_days: number | null;
    computed_at: Date | null;
  }>(sql`
    select sl.sku, p.title || ' – ' || v.title as title, sl.on_hand, ${availableSql} as available, f.method, f.demand_class,
           f.daily_demand, f.error_rmse, f.error_mae, f.safety_stock, f.reorder_point, f.lead_time_days, f.service_level,
           f.units_last_28_days, f.computed_at
    from ${input.sku ? sql`stock_levels sl left join demand_forecasts f` : sql`demand_forecasts f join stock_levels sl`}
      on f.location_id = sl.location_id and f.sku = sl.sku
    left join variants v on v.sku = sl.sku left join products p on p.id = v.product_id
    where sl.location_id = ${input.storeId} ${input.sku ? sql`and sl.sku = ${input.sku}` : sql``}
    order by (sl.on_hand - sl.held)::float8 / nullif(f.daily_demand, 0) asc nulls last, f.daily_demand desc nulls last, sl.sku
    limit ${input.limit ?? 50}`);
  // A Polish manager reads the products in Polish.
  const polish = await polishLineTitles(
    db,
    rows.map((r) => r.sku),
  );
  return rows.map((r) => {
    const dailyDemand = r.daily_demand ?? 0;
    const reorderPoint = r.reorder_point ?? 0;
    return {
      sku: r.sku,
      storeId: input.storeId,
      title: r.title,
      titlePl: polish.get(r.sku) ?? r.title,
      onHand: r.on_hand,
      available: r.available,
      dailyDemand,
      daysOfCover: daysOfCover(r.available, dailyDemand),
      reorderPoint,
      suggestedQuantity:
        r.daily_demand === null
          ? 0
          : suggestedQuantity({ available: r.available, reorderPoint, dailyDemand, reviewDays: settings.reviewDays }),
      safetyStock: r.safety_stock ?? 0,
      method: r.method,
      demandClass: r.demand_class,
      errorRmse: r.error_rmse,
      errorMae: r.error_mae,
      leadTimeDays: r.lead_time_days ?? settings.leadTimeDays,
      serviceLevel: r.service_level ?? settings.serviceLevel,
      unitsLast28Days: r.units_last_28_days ?? 0,
      computedAt: r.computed_at,
    };
  });
}
