// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { OrderTimeline } from "./order-timeline";
import { StatusBadge } from "./status-badge";

afterEach(cleanup);

describe("OrderTimeline", () => {
  it("lists events oldest first with their channel", () => {
    render(
      <OrderTimeline
        locale="en"
        events={[
          { type: "status_changed", toStatus: "ready_for_pickup", at: "2026-05-02T10:00:00Z", channel: "store" },
          { type: "placed", at: "2026-05-01T10:00:00Z", channel: "web" },
          { type: "checked_in", at: "2026-05-03T10:00:00Z", channel: "kiosk" },
          { type: "lines_declined", toStatus: "collected", at: "2026-05-04T10:00:00Z", channel: "store" },
        ]}
      />,
    );
    const events = screen.getAllByTestId("timeline-event");
    expect(events.map((e) => e.textContent)).toEqual([
      expect.stringContaining("Order placed"),
      expect.stringContaining("Ready for pickup"),
      expect.stringContaining("Customer checked in"),
      expect.stringContaining("Items declined at pickup and refunded"),
    ]);
    expect(events[0]!.textContent).toContain("Online shop");
    expect(events[1]!.textContent).toContain("In store");
    expect(events[2]!.textContent).toContain("In-store kiosk");
  });

  it("says so when there are no events, in Polish by default", () => {
    render(<OrderTimeline events={[]} />);
    expect(screen.getByText("Brak zdarzeń.")).toBeTruthy();
  });
});

describe("StatusBadge", () => {
  it("names known statuses in both languages and humanises unknown ones", () => {
    render(
      <>
        <StatusBadge status="ready_for_pickup" />
        <StatusBadge status="refunded" locale="en" />
        <StatusBadge status="on_hold" locale="en" />
      </>,
    );
    expect(screen.getAllByTestId("status-badge").map((b) => b.textContent)).toEqual([
      "Gotowe do odbioru",
      "Refunded",
      "On hold",
    ]);
  });
});
