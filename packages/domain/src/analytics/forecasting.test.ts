import { describe, expect, it } from "vitest";

import {
  classifyDemand,
  crostonSba,
  daysOfCover,
  forecastError,
  forecastSeries,
  normalQuantile,
  reorderPoint,
  ses,
  suggestedQuantity,
} from "./forecasting";

describe("Croston with the SBA correction", () => {
  // Demand on days 3, 7 and 9 of ten; α = 0.1. Worked by hand with the published recursion:
  //   day 3: first demand initialises z = 3, p = 3 (three periods from the start)
  //   day 7: q = 4 → z = 3 + 0.1·(2 − 3) = 2.9,   p = 3 + 0.1·(4 − 3) = 3.1
  //   day 9: q = 2 → z = 2.9 + 0.1·(4 − 2.9) = 3.01, p = 3.1 + 0.1·(2 − 3.1) = 2.99
  //   Croston z/p = 3.01 / 2.99 = 1.006689…; SBA (1 − 0.1/2) · z/p = 0.95 · 1.006689… = 0.956354…
  const series = [0, 0, 3, 0, 0, 0, 2, 0, 4, 0];

  it("follows the recursion to the forecast", () => {
    const result = crostonSba(series, 0.1);
    expect(result.size).toBeCloseTo(3.01, 10);
    expect(result.interval).toBeCloseTo(2.99, 10);
    expect(result.forecast).toBeCloseTo(0.9563545150501671, 12);
  });

  it("forecasts, before each day, what was known the day before", () => {
    const { fitted } = crostonSba(series, 0.1);
    expect(fitted.slice(0, 3).every(Number.isNaN)).toBe(true);
    // After day 3: 0.95 · 3/3; after day 7: 0.95 · 2.9/3.1; after day 9: 0.95 · 3.01/2.99.
    expect(fitted[3]).toBeCloseTo(0.95, 12);
    expect(fitted[6]).toBeCloseTo(0.95, 12);
    expect(fitted[7]).toBeCloseTo((0.95 * 2.9) / 3.1, 12);
    expect(fitted[9]).toBeCloseTo((0.95 * 3.01) / 2.99, 12);
  });

  it("is chosen for intermittent demand, SES for a steady seller", () => {
    // Sizes 3, 2, 4: mean 3, variance 2/3, CV² = (2/3)/9 = 0.0741 < 0.49; ADI 10/3 ≥ 1.32 → intermittent.
    const c0 = classifyDemand(series);
    expect(c0.adi).toBeCloseTo(10 / 3, 12);
    expect(c0.cv2).toBeCloseTo(2 / 27, 12);
    expect(c0.demandClass).toBe("intermittent");
    expect(forecastSeries(series).method).toBe("croston_sba");
    const steady = [3, 4, 3, 5, 4, 3, 4, 4, 3, 5];
    const c = classifyDemand(steady);
    expect(c.adi).toBe(1);
    expect(c.demandClass).toBe("smooth");
    expect(forecastSeries(steady).method).toBe("ses");
    // ADI just under and at the 1.32 cut-off.
    expect(forecastSeries([1, 1, 1, 0, 1, 1, 1, 1, 1, 1]).method).toBe("ses");
    expect(classifyDemand([1, 1, 0, 1, 0, 1, 1, 0, 1, 0]).adi).toBeCloseTo(10 / 6, 12);
    expect(forecastSeries([1, 1, 0, 1, 0, 1, 1, 0, 1, 0]).method).toBe("croston_sba");
  });
});

describe("simple exponential smoothing and its error", () => {
  it("smooths from the first value", () => {
    // α = 0.5: 4 → 4 + 0.5·(6 − 4) = 5 → 5 + 0.5·(2 − 5) = 3.5
    const { forecast, fitted } = ses([4, 6, 2], 0.5);
    expect(forecast).toBe(3.5);
    expect(fitted.slice(1)).toEqual([4, 5]);
    // Errors 6 − 4 = 2 and 2 − 5 = −3: RMSE √((4 + 9)/2), MAE 2.5.
    const error = forecastError([4, 6, 2], fitted, 28);
    expect(error.rmse).toBeCloseTo(Math.sqrt(6.5), 12);
    expect(error.mae).toBe(2.5);
  });
});

describe("reorder point", () => {
  it("is lead-time demand plus z × σ × √L", () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263478740408408, 8);
    // 2 a day, σ = 1.5 a day, 7 days, 95 %: safety 1.6448536 · 1.5 · √7 = 6.5278105; ROP 14 + 6.5278 = 20.5278.
    const rop = reorderPoint({ dailyDemand: 2, errorRmse: 1.5, leadTimeDays: 7, serviceLevel: 0.95 });
    expect(rop.safetyStock).toBeCloseTo(6.527810460024307, 6);
    expect(rop.reorderPoint).toBeCloseTo(20.527810460024305, 6);
    // 10 available ≤ 20.53: order up to ROP + a week of demand: ⌈20.53 + 14 − 10⌉ = 25; 10 / 2 = 5 days of cover.
    expect(suggestedQuantity({ available: 10, reorderPoint: rop.reorderPoint, dailyDemand: 2, reviewDays: 7 })).toBe(
      25,
    );
    expect(suggestedQuantity({ available: 21, reorderPoint: rop.reorderPoint, dailyDemand: 2, reviewDays: 7 })).toBe(0);
    expect(daysOfCover(10, 2)).toBe(5);
    expect(daysOfCover(10, 0)).toBeNull();
  });

  it("refuses a service level outside (0, 1)", () => {
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });
});
