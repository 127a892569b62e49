import type { Sweep } from "../kernel";
import { recomputeForecasts } from "./forecast-job";
import { refreshAnalytics } from "./refresh";

/** Keeps the dashboard's daily aggregates current: rebuilds the days whose orders changed since the last run. */
export const refreshAnalyticsSweep: Sweep = {
  name: "analytics-refresh",
  run: (db, now) => refreshAnalytics(db, { now }),
};

/** The nightly demand forecast: runs every minute like every sweep, but recomputes once in twenty hours. */
export const demandForecastSweep: Sweep = {
  name: "demand-forecast",
  run: (db, now) => recomputeForecasts(db, now),
};
