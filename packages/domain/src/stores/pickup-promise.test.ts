import { describe, expect, it } from "vitest";

import type { OpeningHours } from "@omni/db";

import { DEFAULT_LEAD_TIMES, leadTimeHours, pickupPromise, readyAfter, soonestSource } from "./pickup-promise";

const weekdays: [string, string] = ["09:00", "21:00"];
const hours: OpeningHours = {
  mon: weekdays,
  tue: weekdays,
  wed: weekdays,
  thu: weekdays,
  fri: weekdays,
  sat: ["10:00", "20:00"],
  sun: null,
};
const store = { id: "krakow", openingHours: hours, timezone: "Europe/Warsaw" };
const settings = { leadTimes: DEFAULT_LEAD_TIMES, pickingMinutes: 120 };

describe("the pickup promise", () => {
  it("is two hours of picking when the store is open", () => {
    // Tuesday 1 December 2026, 10:00 in Warsaw.
    const promise = pickupPromise({ now: new Date("2026-12-01T09:00:00Z"), store, sourceId: null, settings });
    expect(promise).toEqual({ sourcing: "in_store", readyBy: new Date("2026-12-01T11:00:00Z") });
  });

  it("finishes picking the next open day when it does not fit before closing", () => {
    // Saturday 19:30: half an hour today, the rest from Monday's opening (Sunday closed).
    const ready = readyAfter({ from: new Date("2026-12-05T18:30:00Z"), pickingMinutes: 120, openingHours: hours });
    expect(ready.toISOString()).toBe("2026-12-07T09:30:00.000Z");
  });

  it("adds the lead time of the pair of locations for goods sent in", () => {
    const promise = pickupPromise({ now: new Date("2026-12-01T09:00:00Z"), store, sourceId: "online", settings });
    // Warehouse: 24 h, arrives Wednesday 10:00, ready at 12:00.
    expect(promise).toEqual({ sourcing: "ship_to_store", readyBy: new Date("2026-12-02T11:00:00Z") });
    expect(pickupPromise({ now: new Date(), store, sourceId: undefined, settings })).toEqual({
      sourcing: "unavailable",
    });
  });

  it("takes the source that gets there soonest, the warehouse on a tie", () => {
    const lead = { default: 48, from: { online: 24 }, pairs: { "warszawa>krakow": 12, "gdansk>krakow": 24 } };
    expect(leadTimeHours(lead, "warszawa", "krakow")).toBe(12);
    expect(leadTimeHours(lead, "poznan", "krakow")).toBe(48);
    expect(soonestSource(lead, "krakow", ["online", "warszawa"])).toBe("warszawa");
    expect(soonestSource(lead, "krakow", ["gdansk", "online"])).toBe("online");
    expect(soonestSource(lead, "krakow", ["krakow"])).toBeNull();
  });
});
