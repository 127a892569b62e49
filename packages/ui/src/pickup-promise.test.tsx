// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { PickupPromise, pickupPromiseWords } from "./pickup-promise";

// Tuesday 1 December 2026, 10:00 in Warsaw.
const now = new Date("2026-12-01T09:00:00Z");

describe("the words of a pickup promise", () => {
  it("says 'ready in about 2 hours' for goods on the shelf today, in both languages", () => {
    const promise = { sourcing: "in_store" as const, readyBy: new Date("2026-12-01T11:00:00Z") };
    expect(pickupPromiseWords(promise, "en", now)).toBe("In stock: ready in about 2 hours");
    expect(pickupPromiseWords(promise, "pl", now)).toBe("W sklepie: gotowe do odbioru za ok. 2 godz.");
  });

  it("names the weekday for goods sent in, with Polish prepositions", () => {
    const thursday = { sourcing: "ship_to_store" as const, readyBy: "2026-12-03T11:00:00Z" };
    expect(pickupPromiseWords(thursday, "en", now)).toBe("Sent from another store: ready on Thursday");
    expect(pickupPromiseWords(thursday, "pl", now)).toBe("Sprowadzimy z innego sklepu: gotowe w czwartek");
    const tuesday = { sourcing: "ship_to_store" as const, readyBy: "2026-12-01T19:00:00Z" };
    expect(pickupPromiseWords(tuesday, "pl", now)).toContain("we wtorek");
  });

  it("gives a date beyond a week, and says when pickup is not possible", () => {
    const later = { sourcing: "ship_to_store" as const, readyBy: "2026-12-15T11:00:00Z" };
    expect(pickupPromiseWords(later, "en", now)).toBe("Sent from another store: ready on 15 December");
    expect(pickupPromiseWords({ sourcing: "unavailable" }, "en", now)).toBe("Not available for pickup");
  });

  it("renders the sourcing for screens and tests to read", () => {
    render(<PickupPromise promise={{ sourcing: "in_store", readyBy: now }} locale="en" now={now} />);
    expect(screen.getByTestId("pickup-promise").dataset.sourcing).toBe("in_store");
    expect(screen.getByTestId("pickup-promise").textContent).toContain("ready within the hour");
  });
});
