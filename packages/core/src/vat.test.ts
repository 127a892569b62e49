import { describe, expect, it } from "vitest";

import { isValidNip, normalizeNip } from "./nip";
import { allocateMinor, taxBreakdown, vatLetter, vatOfGross } from "./vat";

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  return (max: number) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state % max;
  };
}

describe("VAT on gross prices", () => {
  it("rounds the VAT of a line half up to a whole grosz", () => {
    expect(vatOfGross(12300, 23)).toBe(2300);
    expect(vatOfGross(100, 23)).toBe(19); // 18.70 → 19
    expect(vatOfGross(108, 8)).toBe(8);
    expect(vatOfGross(21, 5)).toBe(1); // exactly 1.00
    expect(vatOfGross(10, 5)).toBe(0); // 0.476 → 0
    expect(vatOfGross(999, 0)).toBe(0);
    expect(vatLetter(23) + vatLetter(8) + vatLetter(5) + vatLetter(0)).toBe("ABCD");
  });

  it("over 1,000 random carts with discounts and delivery, net plus VAT of every rate sums exactly to the total", () => {
    const next = random(13);
    const rates = [23, 8, 5, 0];
    for (let cart = 0; cart < 1000; cart++) {
      const lines = Array.from({ length: 1 + next(8) }, () => ({
        quantity: 1 + next(5),
        unitPriceMinor: 1 + next(50_000),
        vatRate: rates[next(4)]!,
      }));
      const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
      const goodsMinor = subtotal - next(Math.max(1, Math.floor(subtotal / 3)));
      const shippingMinor = [0, 999, 1499][next(3)]!;
      const taxes = taxBreakdown({ lines, goodsMinor, shippingMinor });
      const total = goodsMinor + shippingMinor;
      expect(taxes.reduce((sum, x) => sum + x.netMinor + x.vatMinor, 0)).toBe(total);
      for (const x of taxes) {
        expect(Number.isInteger(x.netMinor) && Number.isInteger(x.vatMinor)).toBe(true);
        expect(x.vatMinor).toBeGreaterThanOrEqual(0);
        // Each rate's VAT is its gross times rate/(100+rate), give or take half a grosz per line.
        expect(Math.abs(x.vatMinor - ((x.netMinor + x.vatMinor) * x.rate) / (100 + x.rate))).toBeLessThanOrEqual(
          lines.length + 1,
        );
      }
      expect(new Set(taxes.map((x) => x.rate)).size).toBe(taxes.length);
    }
  });

  it("spreads a discount over lines in whole grosze that add up to the target", () => {
    expect(allocateMinor([100, 200, 300], 500)).toEqual([83, 167, 250]);
    expect(allocateMinor([1, 1, 1], 100).reduce((a, b) => a + b, 0)).toBe(100);
    expect(allocateMinor([0, 0], 10)).toEqual([0, 0]);
  });
});

describe("NIP", () => {
  it("accepts a tax number whose checksum holds, with or without dashes and the PL prefix", () => {
    expect(isValidNip("5260001246")).toBe(true);
    expect(isValidNip("526-000-12-46")).toBe(true);
    expect(isValidNip("PL 526 000 12 46")).toBe(true);
    expect(normalizeNip("PL526-000-12-46")).toBe("5260001246");
  });
  it("refuses a wrong checksum, letters and the wrong length", () => {
    expect(isValidNip("5260001247")).toBe(false);
    expect(isValidNip("1234567890")).toBe(false);
    expect(isValidNip("52600012")).toBe(false);
    expect(isValidNip("52600012AB")).toBe(false);
  });
});
