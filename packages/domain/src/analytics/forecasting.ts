/**
 * Demand forecasting for one daily series of units sold, as plain functions.
 *
 * - Steady sellers (a sale most days): simple exponential smoothing.
 * - Intermittent demand (many days without a sale): Croston's method with the Syntetos–Boylan
 *   approximation (SBA), which removes Croston's upward bias by the factor (1 − α/2).
 * - The choice follows Syntetos, Boylan & Croston (2005): ADI (average interval between sales) below 1.32
 *   is smoothed by SES; at or above it, by Croston-SBA. CV² (squared variation of sale sizes, cut-off 0.49)
 *   names the class (smooth, erratic, intermittent, lumpy) shown to the buyer.
 */

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

export type DemandClass = "smooth" | "erratic" | "intermittent" | "lumpy";
export type ForecastMethod = "ses" | "croston_sba";

/** ADI = periods ÷ periods with demand; CV² = (standard deviation ÷ mean)² of the non-zero demands. */
export function classifyDemand(series: readonly number[]): { adi: number; cv2: number; demandClass: DemandClass } {
  const sizes = series.filter((d) => d > 0);
  if (!sizes.length) return { adi: Infinity, cv2: 0, demandClass: "lumpy" };
  const adi = series.length / sizes.length;
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const variance = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / sizes.length;
  const cv2 = variance / (mean * mean);
  const demandClass: DemandClass =
    adi < ADI_CUTOFF ? (cv2 < CV2_CUTOFF ? "smooth" : "erratic") : cv2 < CV2_CUTOFF ? "intermittent" : "lumpy";
  return { adi, cv2, demandClass };
}

/**
 * Simple exponential smoothing: level₁ = d₁, levelₜ = levelₜ₋₁ + α (dₜ − levelₜ₋₁). Returns the forecast for
 * the next period and the one-step-ahead forecasts made before each period (NaN before there was one).
 */
export function ses(series: readonly number[], alpha = 0.2): { forecast: number; fitted: number[] } {
  const fitted: number[] = [];
  let level = NaN;
  for (const d of series) {
    fitted.push(level);
    level = Number.isNaN(level) ? d : level + alpha * (d - level);
  }
  return { forecast: Number.isNaN(level) ? 0 : level, fitted };
}

/**
 * Croston's method with the SBA correction. z is the smoothed size of a demand, p the smoothed interval
 * between demands (in periods, counted from the start for the first one). Both are updated only in periods
 * with demand:
 *   zₜ = zₜ₋₁ + α (dₜ − zₜ₋₁),  pₜ = pₜ₋₁ + α (qₜ − pₜ₋₁),  forecast = (1 − α/2) · z / p,
 * where qₜ is the number of periods since the previous demand; the first demand initialises z = d, p = q.
 */
export function crostonSba(
  series: readonly number[],
  alpha = 0.1,
): { forecast: number; fitted: number[]; size: number; interval: number } {
  const fitted: number[] = [];
  let z = NaN;
  let p = NaN;
  let q = 0;
  const current = () => (Number.isNaN(z) ? NaN : (1 - alpha / 2) * (z / p));
  for (const d of series) {
    fitted.push(current());
    q += 1;
    if (d > 0) {
      if (Number.isNaN(z)) {
        z = d;
        p = q;
      } else {
        z += alpha * (d - z);
        p += alpha * (q - p);
      }
      q = 0;
    }
  }
  const forecast = current();
  return { forecast: Number.isNaN(forecast) ? 0 : forecast, fitted, size: z, interval: p };
}

/** Root mean squared and mean absolute one-step-ahead error over the last `window` periods that had a forecast. */
export function forecastError(series: readonly number[], fitted: readonly number[], window = 28) {
  const errors: number[] = [];
  for (let i = Math.max(0, series.length - window); i < series.length; i++) {
    if (!Number.isNaN(fitted[i]!)) errors.push(series[i]! - fitted[i]!);
  }
  if (!errors.length) return { rmse: 0, mae: 0 };
  return {
    rmse: Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length),
    mae: errors.reduce((a, e) => a + Math.abs(e), 0) / errors.length,
  };
}

/** The forecast of a series with its method chosen by its history. */
export function forecastSeries(series: readonly number[], options: { errorWindow?: number } = {}) {
  const { adi, cv2, demandClass } = classifyDemand(series);
  const method: ForecastMethod = adi < ADI_CUTOFF ? "ses" : "croston_sba";
  const { forecast, fitted } = method === "ses" ? ses(series) : crostonSba(series);
  return {
    method,
    demandClass,
    adi,
    cv2,
    dailyDemand: forecast,
    ...forecastError(series, fitted, options.errorWindow),
  };
}

/**
 * The standard normal quantile (Acklam's rational approximation, relative error below 1.2e-9): the z of a
 * cycle service level, e.g. 0.95 → 1.6449.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError("A service level lies strictly between 0 and 1.");
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - low) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}

/**
 * Reorder point = demand over the lead time + safety stock, where safety stock = z(service level) × σ × √L
 * (σ: the daily forecast error, L: lead time in days).
 */
export function reorderPoint(input: {
  dailyDemand: number;
  errorRmse: number;
  leadTimeDays: number;
  serviceLevel: number;
}) {
  const safetyStock = normalQuantile(input.serviceLevel) * input.errorRmse * Math.sqrt(input.leadTimeDays);
  return { safetyStock, reorderPoint: input.dailyDemand * input.leadTimeDays + safetyStock };
}

/**
 * What to order now: nothing while the available stock is above the reorder point; otherwise enough to reach
 * the reorder point plus the demand of one review period.
 */
export function suggestedQuantity(input: {
  available: number;
  reorderPoint: number;
  dailyDemand: number;
  reviewDays: number;
}) {
  if (input.available > input.reorderPoint) return 0;
  return Math.max(0, Math.ceil(input.reorderPoint + input.dailyDemand * input.reviewDays - input.available));
}

/** Days the available stock lasts at the forecast rate; null when nothing is expected to sell. */
export function daysOfCover(available: number, dailyDemand: number): number | null {
  return dailyDemand > 1e-9 ? available / dailyDemand : null;
}
