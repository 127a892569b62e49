import { describe, expect, it } from "vitest";

import { listingQuery, parseListingFilters } from "./search-params";
import { cardToken } from "./test-cards";
import { findVariant, sortSizes } from "./variants";

describe("listing filters in the URL", () => {
  it("reads filters back from the query string they were written to", () => {
    const filters = parseListingFilters({
      size: "M,L",
      colour: ["Navy"],
      min: "49,90",
      max: "200",
      store: "1",
      sort: "price_asc",
      cursor: "k",
    });
    expect(filters).toEqual({
      sizes: ["M", "L"],
      colours: ["Navy"],
      minPriceMinor: 4990,
      maxPriceMinor: 20000,
      inMyStore: true,
      sort: "price_asc",
      cursor: "k",
    });
    expect(listingQuery(filters, "jeans")).toBe(
      "?q=jeans&size=M%2CL&colour=Navy&min=49.9&max=200&store=1&sort=price_asc&cursor=k",
    );
  });

  it("ignores nonsense instead of failing", () => {
    expect(parseListingFilters({ min: "-5", max: "abc", sort: "drop table", cursor: "x".repeat(40) })).toEqual({
      sizes: [],
      colours: [],
      minPriceMinor: undefined,
      maxPriceMinor: undefined,
      inMyStore: false,
      sort: "relevance",
      cursor: undefined,
    });
    expect(listingQuery({})).toBe("");
  });
});

describe("test cards", () => {
  it("maps the documented numbers to the provider's tokens, however they are spaced", () => {
    expect(cardToken("4242 4242 4242 4242")).toBe("tok_ok");
    expect(cardToken("4000-0000-0000-0002")).toBe("tok_declined");
    expect(cardToken("5555 5555 5555 4444")).toBeNull();
  });
});

describe("variants", () => {
  it("orders letter sizes before numeric ones", () => {
    expect(sortSizes(["42", "M", "XL", "36", "S", "One size"])).toEqual(["S", "M", "XL", "36", "42", "One size"]);
  });

  it("finds the variant of a size and colour combination", () => {
    const variants = [
      { sku: "a", options: { size: "M", colour: "Navy" } },
      { sku: "b", options: { size: "L", colour: "Navy" } },
    ];
    expect(findVariant(variants, { size: "L", colour: "Navy" })?.sku).toBe("b");
    expect(findVariant(variants, { size: "S", colour: "Navy" })).toBeUndefined();
  });
});
