// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { StoreAvailability } from "./store-availability";

const stores = [
  { id: "krakow", name: "Omni Kraków", city: "Kraków", lat: 50.0675, lng: 19.945 },
  { id: "warszawa", name: "Omni Warszawa", city: "Warszawa", lat: 52.2297, lng: 21.0031 },
  { id: "gdansk", name: "Omni Gdańsk", city: "Gdańsk", lat: 54.3807, lng: 18.6011 },
];
const locations = [
  { storeId: "gdansk", available: 5 },
  { storeId: "warszawa", available: 0 },
  { storeId: "krakow", available: 2 },
];

afterEach(cleanup);

const order = () => screen.getAllByTestId("store-availability-row").map((row) => row.dataset.storeId);

describe("StoreAvailability", () => {
  it("puts the nearest store first when a position is given", () => {
    render(<StoreAvailability stores={stores} locations={locations} position={{ lat: 54.35, lng: 18.65 }} />);
    expect(order()).toEqual(["gdansk", "warszawa", "krakow"]);
  });

  it("puts the chosen store first and marks it", () => {
    render(
      <StoreAvailability
        stores={stores}
        locations={locations}
        position={{ lat: 54.35, lng: 18.65 }}
        chosenStoreId="krakow"
        locale="en"
      />,
    );
    expect(order()[0]).toBe("krakow");
    const chosen = screen.getAllByTestId("store-availability-row")[0]!;
    expect(chosen.getAttribute("aria-current")).toBe("true");
    expect(within(chosen).getByText("Your store")).toBeTruthy();
    expect(within(chosen).getByTestId("stock-badge").textContent).toContain("Only 2 left");
  });

  it("shows the home delivery line and can hide stores without stock", () => {
    render(<StoreAvailability stores={stores} locations={locations} online={0} onlyInStock locale="en" />);
    expect(screen.getByTestId("home-delivery").textContent).toContain("Home delivery: unavailable");
    expect(order()).not.toContain("warszawa");
  });

  it("offers to choose another store", () => {
    const onChoose = vi.fn();
    render(<StoreAvailability stores={stores} locations={locations} chosenStoreId="krakow" onChoose={onChoose} />);
    const buttons = screen.getAllByTestId("choose-store");
    expect(buttons).toHaveLength(2);
    fireEvent.click(screen.getByRole("button", { name: "Wybierz: Omni Gdańsk" }));
    expect(onChoose).toHaveBeenCalledWith("gdansk");
  });
});
