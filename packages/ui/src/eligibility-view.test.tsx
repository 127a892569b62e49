// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { EligibilityView } from "./eligibility-view";

afterEach(cleanup);

const lines = [
  { lineId: "l1", sku: "TEE-M-BLK", returnableQuantity: 2 },
  { lineId: "l2", sku: "SOCK-1", returnableQuantity: 0, reason: "final_sale" },
  { lineId: "l3", sku: "CAP-1", returnableQuantity: 0, reason: "Declined at pickup." },
];

describe("EligibilityView", () => {
  it("shows returnable quantities and why other lines cannot be returned", () => {
    render(<EligibilityView lines={lines} locale="en" />);
    const rendered = screen.getAllByTestId("eligibility-line");
    expect(rendered[0]!.textContent).toContain("Returnable: 2");
    expect(rendered[1]!.textContent).toContain("Cannot be returned: Final sale – not returnable");
    expect(rendered[2]!.textContent).toContain("Declined at pickup.");
    expect(screen.queryAllByTestId("return-quantity")).toHaveLength(0);
  });

  it("translates reason codes and keeps the server's English sentence", () => {
    const coded = [
      {
        lineId: "l4",
        sku: "OLD-1",
        returnableQuantity: 0,
        reasonCode: "window_passed",
        reason: "The 30-day return window ended on 1 May.",
      },
    ];
    render(<EligibilityView lines={coded} />);
    expect(screen.getByTestId("eligibility-reason").textContent).toBe("Nie można zwrócić: Minął termin zwrotu");
    cleanup();
    render(<EligibilityView lines={coded} locale="en" />);
    expect(screen.getByTestId("eligibility-reason").textContent).toBe(
      "Cannot be returned: The 30-day return window ended on 1 May.",
    );
  });

  it("offers 0…returnable for returnable lines only and reports the choice", () => {
    const onChange = vi.fn();
    render(<EligibilityView lines={lines} selected={{ l1: 1 }} onChange={onChange} />);
    const selects = screen.getAllByTestId("return-quantity") as HTMLSelectElement[];
    expect(selects).toHaveLength(1);
    expect([...selects[0]!.options].map((o) => o.value)).toEqual(["0", "1", "2"]);
    expect(selects[0]!.value).toBe("1");
    fireEvent.change(selects[0]!, { target: { value: "2" } });
    expect(onChange).toHaveBeenCalledWith("l1", 2);
  });
});
