import { describe, expect, it } from "vitest";

import type { OpeningHours } from "@omni/db";

import { closingTimeNextOpenDay, reservationExpiry, wallTimeToInstant } from "./opening-hours";

const weekdays: [string, string] = ["09:00", "21:00"];
const seedHours: OpeningHours = {
  mon: weekdays,
  tue: weekdays,
  wed: weekdays,
  thu: weekdays,
  fri: weekdays,
  sat: ["10:00", "20:00"],
  sun: ["10:00", "18:00"],
};
const closedSunday: OpeningHours = { ...seedHours, sun: null };
const zone = "Europe/Warsaw";

describe("wall time in Warsaw", () => {
  it("is UTC+1 in winter and UTC+2 in summer", () => {
    expect(wallTimeToInstant({ year: 2026, month: 12, day: 1 }, "21:00", zone).toISOString()).toBe(
      "2026-12-01T20:00:00.000Z",
    );
    expect(wallTimeToInstant({ year: 2026, month: 7, day: 1 }, "21:00", zone).toISOString()).toBe(
      "2026-07-01T19:00:00.000Z",
    );
  });

  it("handles the days the clocks change and midnight closing", () => {
    // 29 March 2026: clocks go forward at 02:00; 25 October 2026: back at 03:00.
    expect(wallTimeToInstant({ year: 2026, month: 3, day: 29 }, "18:00", zone).toISOString()).toBe(
      "2026-03-29T16:00:00.000Z",
    );
    expect(wallTimeToInstant({ year: 2026, month: 10, day: 25 }, "18:00", zone).toISOString()).toBe(
      "2026-10-25T17:00:00.000Z",
    );
    expect(wallTimeToInstant({ year: 2026, month: 12, day: 1 }, "24:00", zone).toISOString()).toBe(
      "2026-12-01T23:00:00.000Z",
    );
  });
});

describe("reservation expiry", () => {
  // Tuesday 1 December 2026, 10:00 in Warsaw.
  const tuesdayMorning = new Date("2026-12-01T09:00:00Z");

  it("caps 48 hours at closing time the next day", () => {
    const expiry = reservationExpiry({ now: tuesdayMorning, holdHours: 48, openingHours: seedHours, timeZone: zone });
    expect(expiry.toISOString()).toBe("2026-12-02T20:00:00.000Z"); // Wednesday 21:00 local
  });

  it("keeps a short hold when it ends before the cap", () => {
    const expiry = reservationExpiry({ now: tuesdayMorning, holdHours: 4, openingHours: seedHours, timeZone: zone });
    expect(expiry.toISOString()).toBe("2026-12-01T13:00:00.000Z");
  });

  it("uses Sunday's shorter hours for a Saturday reservation", () => {
    const saturday = new Date("2026-12-05T12:00:00Z");
    expect(
      reservationExpiry({ now: saturday, holdHours: 48, openingHours: seedHours, timeZone: zone }).toISOString(),
    ).toBe("2026-12-06T17:00:00.000Z");
  });

  it("skips a closed Sunday to Monday's closing", () => {
    const saturday = new Date("2026-12-05T12:00:00Z");
    expect(
      reservationExpiry({ now: saturday, holdHours: 72, openingHours: closedSunday, timeZone: zone }).toISOString(),
    ).toBe("2026-12-07T20:00:00.000Z");
    // A 24-hour hold from Saturday noon ends before Monday's closing and stands.
    expect(
      reservationExpiry({ now: saturday, holdHours: 24, openingHours: closedSunday, timeZone: zone }).toISOString(),
    ).toBe("2026-12-06T12:00:00.000Z");
  });

  it("counts the next day from the store's calendar, not UTC's", () => {
    // 23:30 UTC on Friday is already Saturday 00:30 in Warsaw: the day after is Sunday.
    const lateFriday = new Date("2026-12-04T23:30:00Z");
    expect(
      reservationExpiry({ now: lateFriday, holdHours: 48, openingHours: seedHours, timeZone: zone }).toISOString(),
    ).toBe("2026-12-06T17:00:00.000Z");
  });

  it("falls back to the hold hours without opening hours or open days", () => {
    expect(reservationExpiry({ now: tuesdayMorning, holdHours: 48, openingHours: null }).toISOString()).toBe(
      "2026-12-03T09:00:00.000Z",
    );
    const neverOpen: OpeningHours = { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null };
    expect(closingTimeNextOpenDay(tuesdayMorning, neverOpen, zone)).toBeNull();
    expect(reservationExpiry({ now: tuesdayMorning, holdHours: 48, openingHours: neverOpen }).toISOString()).toBe(
      "2026-12-03T09:00:00.000Z",
    );
  });
});
