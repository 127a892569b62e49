import {
  bigint,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * Daily aggregates of orders and reservations per location (Warsaw calendar day of creation) and channel,
 * so that a dashboard sums a few thousand rows instead of scanning every order. The worker refreshes the
 * days whose orders changed; returns are counted on the day of the order they return (a cohort), so a
 * period's return rate compares like with like.
 */
export const analyticsDaily = pgTable(
  "analytics_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    locationId: text("location_id").notNull(),
    channel: text("channel").notNull(),
    orders: integer("orders").notNull().default(0),
    /** Orders that were not cancelled or expired: the ones that made revenue. */
    soldOrders: integer("sold_orders").notNull().default(0),
    /** Totals of sold orders less the value of lines declined at the counter. */
    revenueMinor: bigint("revenue_minor", { mode: "number" }).notNull().default(0),
    unitsSold: integer("units_sold").notNull().default(0),
    /** Cost of the units sold whose variant has a unit cost, and their sales value at list price. */
    cogsMinor: bigint("cogs_minor", { mode: "number" }).notNull().default(0),
    costedSalesMinor: bigint("costed_sales_minor", { mode: "number" }).notNull().default(0),
    /** Click and collect: pickup orders placed on the web or at a kiosk. */
    ccOrders: integer("cc_orders").notNull().default(0),
    ccReady: integer("cc_ready").notNull().default(0),
    ccCollected: integer("cc_collected").notNull().default(0),
    /** Hours from placing to ready of each click-and-collect order that got ready, for exact medians. */
    readyHours: doublePrecision("ready_hours").array().notNull().default([]),
    expired: integer("expired").notNull().default(0),
    cancelled: integer("cancelled").notNull().default(0),
    declinedLines: integer("declined_lines").notNull().default(0),
    returnedUnits: integer("returned_units").notNull().default(0),
    reservationsCreated: integer("reservations_created").notNull().default(0),
    reservationsFulfilled: integer("reservations_fulfilled").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.locationId, t.channel] }),
    index("analytics_daily_loc_day_idx").on(t.locationId, t.day),
  ],
);

/** Returned units per order day, location, channel and reason. */
export const analyticsReturnsDaily = pgTable(
  "analytics_returns_daily",
  {
    day: date("day", { mode: "string" }).notNull(),
    locationId: text("location_id").notNull(),
    channel: text("channel").notNull(),
    reason: text("reason").notNull(),
    units: integer("units").notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.locationId, t.channel, t.reason] })],
);

/** Stock on hand per location, valued at cost, refreshed by the worker (the base of turnover and GMROI). */
export const analyticsStock = pgTable("analytics_stock", {
  locationId: text("location_id").primaryKey(),
  onHandUnits: bigint("on_hand_units", { mode: "number" }).notNull(),
  /** Units whose variant has a cost, and their value at cost. */
  costedUnits: bigint("costed_units", { mode: "number" }).notNull(),
  inventoryCostMinor: bigint("inventory_cost_minor", { mode: "number" }).notNull(),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Where each refresh got to: the last order event it saw and when it ran. */
export const analyticsState = pgTable("analytics_state", {
  key: text("key").primaryKey(),
  lastEventId: bigint("last_event_id", { mode: "number" }).notNull().default(0),
  refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The nightly demand forecast per location and SKU, with what it implies for reordering. */
export const demandForecasts = pgTable(
  "demand_forecasts",
  {
    locationId: text("location_id").notNull(),
    sku: text("sku").notNull(),
    /** `ses` (steady sellers) or `croston_sba` (intermittent demand). */
    method: text("method", { enum: ["ses", "croston_sba"] }).notNull(),
    /** Syntetos–Boylan class of the series: smooth, erratic, intermittent or lumpy. */
    demandClass: text("demand_class").notNull(),
    adi: doublePrecision("adi").notNull(),
    cv2: doublePrecision("cv2").notNull(),
    dailyDemand: doublePrecision("daily_demand").notNull(),
    /** Root mean squared one-day-ahead error over the last weeks, and the mean absolute error. */
    errorRmse: doublePrecision("error_rmse").notNull(),
    errorMae: doublePrecision("error_mae").notNull(),
    leadTimeDays: integer("lead_time_days").notNull(),
    serviceLevel: doublePrecision("service_level").notNull(),
    safetyStock: doublePrecision("safety_stock").notNull(),
    reorderPoint: doublePrecision("reorder_point").notNull(),
    unitsLast28Days: integer("units_last_28_days").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.sku] })],
);
