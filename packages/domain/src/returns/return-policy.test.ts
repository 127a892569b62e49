import { describe, expect, it } from "vitest";

import { paidPerLine, refundForUnits } from "./return-amounts";
import { lineEligibility, orderEligibility, returnDeadline, type PolicyLine, type PolicyOrder } from "./return-policy";

const policy = { windowDays: 30 };
const line = (over: Partial<PolicyLine> = {}): PolicyLine => ({
  lineId: "l1",
  sku: "SKU-1",
  title: "Linen Shirt M",
  quantity: 3,
  declinedQuantity: 0,
  returnedQuantity: 0,
  finalSaleCategory: null,
  ...over,
});
// Collected on 1 February 2026 at 20:00 in Kraków (CET, UTC+1).
const collectedAt = new Date("2026-02-01T19:00:00.000Z");
const order = (over: Partial<PolicyOrder> = {}): PolicyOrder => ({
  status: "collected",
  completedAt: collectedAt,
  timeZone: "Europe/Warsaw",
  ...over,
});
// Day 0 is 1 February; day 30 is 3 March, included until 23:59:59.999 local time.
const lastMoment = new Date("2026-03-03T22:59:59.999Z");

describe("return window", () => {
  it("ends at the last millisecond of day 30 after collection, local time", () => {
    expect(returnDeadline(collectedAt, 30, "Europe/Warsaw").toISOString()).toBe(lastMoment.toISOString());
  });

  it("includes the whole last day and excludes one millisecond after it", () => {
    expect(lineEligibility(order(), line(), policy, lastMoment)).toMatchObject({ returnableQuantity: 3 });
    expect(lineEligibility(order(), line(), policy, new Date("2026-03-03T00:00:00.000Z"))).toMatchObject({
      returnableQuantity: 3,
    });
    const late = lineEligibility(order(), line(), policy, new Date(lastMoment.getTime() + 1));
    expect(late).toMatchObject({
      returnableQuantity: 0,
      reasonCode: "window_passed",
      reason: "The 30-day return window ended on 3 March.",
    });
  });

  it("counts days in the store's calendar: 00:30 local on 1 February is day 0 even though it is 31 January in UTC", () => {
    expect(returnDeadline(new Date("2026-01-31T23:30:00.000Z"), 30, "Europe/Warsaw").toISOString()).toBe(
      lastMoment.toISOString(),
    );
  });

  it("follows daylight saving time: a window ending in summer ends at local midnight (UTC+2)", () => {
    expect(returnDeadline(new Date("2026-03-10T10:00:00.000Z"), 30, "Europe/Warsaw").toISOString()).toBe(
      "2026-04-09T21:59:59.999Z",
    );
  });

  it("takes its length from the policy", () => {
    expect(returnDeadline(collectedAt, 14, "Europe/Warsaw").toISOString()).toBe("2026-02-15T22:59:59.999Z");
    expect(
      orderEligibility(order(), [line()], { windowDays: 14 }, new Date("2026-02-16T00:00:00.000Z")).lines[0]!.reason,
    ).toBe("The 14-day return window ended on 15 February.");
  });

  it("names the year of a deadline in another year", () => {
    const result = lineEligibility(order(), line(), policy, new Date("2027-01-10T00:00:00Z"));
    expect(result.reason).toBe("The 30-day return window ended on 3 March 2026.");
  });
});

describe("what may be returned", () => {
  const now = new Date("2026-02-10T12:00:00Z");

  it("refuses an order that has not been collected or delivered, and a cancelled one", () => {
    for (const status of ["placed", "picking", "ready_for_pickup", "shipped"] as const) {
      expect(lineEligibility(order({ status, completedAt: null }), line(), policy, now)).toMatchObject({
        returnableQuantity: 0,
        reasonCode: "not_completed",
      });
    }
    expect(lineEligibility(order({ status: "cancelled", completedAt: null }), line(), policy, now)).toMatchObject({
      returnableQuantity: 0,
      reasonCode: "order_closed",
    });
    expect(
      orderEligibility(order({ status: "shipped", completedAt: null }), [line()], policy, now).deadline,
    ).toBeNull();
  });

  it("refuses final-sale goods in plain words", () => {
    expect(lineEligibility(order(), line({ finalSaleCategory: "Underwear" }), policy, now)).toMatchObject({
      returnableQuantity: 0,
      reasonCode: "final_sale",
      reason: "Final sale: underwear cannot be returned.",
    });
  });

  it("leaves out units declined at pickup and units already returned", () => {
    expect(lineEligibility(order(), line({ declinedQuantity: 1 }), policy, now).returnableQuantity).toBe(2);
    expect(
      lineEligibility(order(), line({ declinedQuantity: 1, returnedQuantity: 1 }), policy, now).returnableQuantity,
    ).toBe(1);
    expect(lineEligibility(order(), line({ declinedQuantity: 3 }), policy, now)).toMatchObject({
      returnableQuantity: 0,
      reasonCode: "declined_at_pickup",
    });
    expect(lineEligibility(order(), line({ returnedQuantity: 3 }), policy, now)).toMatchObject({
      returnableQuantity: 0,
      reasonCode: "already_returned",
      reason: "This item has already been returned.",
    });
  });
});

describe("refund amounts", () => {
  it("shares an order discount over the lines in proportion and adds up to what was paid", () => {
    const lines = [
      { lineId: "a", quantity: 3, unitPriceMinor: 1000 },
      { lineId: "b", quantity: 1, unitPriceMinor: 333 },
    ];
    const shares = paidPerLine(lines, 3333 - 100);
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBe(3233);
    expect(shares.get("a")).toBe(2910);
    expect(shares.get("b")).toBe(323);
  });

  it("never refunds more for a line than it cost, however it is split across returns", () => {
    const linePaid = 2910;
    const parts = [1, 1, 1].map((units, i) =>
      refundForUnits({ linePaidMinor: linePaid, quantity: 3, alreadyCounted: i, units }),
    );
    expect(parts).toEqual([970, 970, 970]);
    const uneven = [
      refundForUnits({ linePaidMinor: 1000, quantity: 3, alreadyCounted: 0, units: 1 }),
      refundForUnits({ linePaidMinor: 1000, quantity: 3, alreadyCounted: 1, units: 2 }),
    ];
    expect(uneven.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(refundForUnits({ linePaidMinor: 1000, quantity: 3, alreadyCounted: 3, units: 1 })).toBe(0);
  });
});
