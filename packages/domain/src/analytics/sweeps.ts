import type { Sweep } from "../kernel";
import { recomputeForecasts } from "./forecast-job";
import { refreshAnalytics } from "./refresh";

/** Keeps the dashboard's daily aggregates current: rebuilds the days whose orders changed since the last run. */
export const refreshAnalyticsSweep: Sweep = {
  name: "analytics-refresh",
  cron: "1-59/5 * * * *",
  run: (db, now) => refreshAnalytics(db, { now }),
};

/** The nightly demand forecast: looks every hour, and recomputes once in twenty hours. */
export const demandForecastSweep: Sweep = {
  name: "demand-forecast",
  cron: "7 * * * *",
  run: (db, now) => recomputeForecasts(db, now),
};
