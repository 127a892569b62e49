export { analyticsKpis, computeKpis, calendarDay, type KpiInput } from "./kpis";
export { listForecast } from "./forecast-view";
export { recomputeForecasts, HISTORY_DAYS, ERROR_DAYS } from "./forecast-job";
export { refreshAnalytics, ensureAnalytics, ANALYTICS_TIME_ZONE } from "./refresh";
export { forecastSettings } from "./settings";
export * from "./forecasting";
export { refreshAnalyticsSweep, demandForecastSweep } from "./sweeps";
