// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";

import { groupOpeningHours } from "./opening-hours";
import { groupCode, PickupCodeCard } from "./pickup-code-card";

afterEach(cleanup);

const weekday: [string, string] = ["09:00", "21:00"];

describe("PickupCodeCard", () => {
  it("shows the code in groups with a QR code of the whole code", () => {
    render(
      <PickupCodeCard
        code="AB7K9Q2M"
        locale="en"
        store={{ name: "Omni Kraków", address: "ul. Pawia 5", openingHours: null }}
      />,
    );
    const code = screen.getByTestId("pickup-code");
    expect(code.dataset.code).toBe("AB7K9Q2M");
    expect([...code.querySelectorAll("span")].map((s) => s.textContent)).toEqual(["AB7K", "9Q2M"]);
    expect(screen.getByRole("img", { name: "QR code: AB7K9Q2M" }).getAttribute("data-qr-value")).toBe("AB7K9Q2M");
    expect(screen.getByTestId("pickup-store").textContent).toBe("Omni Kraków");
    expect(screen.getByText("Opening hours not available.")).toBeTruthy();
  });

  it("groups six-character codes in threes", () => {
    expect(groupCode("X4K9QZ")).toEqual(["X4K", "9QZ"]);
  });

  it("folds days with the same opening hours", () => {
    const hours = {
      mon: weekday,
      tue: weekday,
      wed: weekday,
      thu: weekday,
      fri: weekday,
      sat: ["10:00", "18:00"] as [string, string],
      sun: null,
    };
    expect(groupOpeningHours(hours, "en")).toEqual([
      { days: "Mon–Fri", hours: "09:00–21:00" },
      { days: "Sat", hours: "10:00–18:00" },
      { days: "Sun", hours: null },
    ]);
  });
});
