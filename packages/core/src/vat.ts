/**
 * VAT on prices that include it (Polish retail: gross prices). One rounding rule everywhere: the VAT of
 * each line is its gross value × rate / (100 + rate), rounded half up to a whole grosz, and the net is
 * what is left, so net + VAT of every line is exactly its gross and the breakdown sums to the total.
 */
export const vatRates = [23, 8, 5, 0] as const;
export type VatRate = (typeof vatRates)[number];

/** The rate of delivery: the standard rate. */
export const SHIPPING_VAT_RATE: VatRate = 23;

/** Polish receipts and invoices letter the rates: A 23%, B 8%, C 5%, D 0%. */
export const vatLetter = (rate: number): string => ({ 23: "A", 8: "B", 5: "C", 0: "D" })[rate] ?? "?";

export const isVatRate = (rate: number): rate is VatRate => (vatRates as readonly number[]).includes(rate);

export function vatOfGross(grossMinor: number, rate: number): number {
  if (rate <= 0 || grossMinor === 0) return 0;
  const sign = grossMinor < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(grossMinor) * rate * 2 + (100 + rate)) / ((100 + rate) * 2));
}

/**
 * Shares `targetMinor` between parts in proportion to their weights, by the largest remainder, so the
 * shares are whole minor units that add up to exactly the target (a discount spread over lines).
 */
export function allocateMinor(weights: number[], targetMinor: number): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w * targetMinor) / total);
  const shares = exact.map(Math.floor);
  let leftover = targetMinor - shares.reduce((a, b) => a + b, 0);
  const byFraction = exact
    .map((e, i) => ({ i, fraction: e - Math.floor(e) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of byFraction) {
    if (leftover <= 0) break;
    shares[i]! += 1;
    leftover -= 1;
  }
  return shares;
}

export type TaxLine = { rate: number; netMinor: number; vatMinor: number };

/**
 * The VAT breakdown of an order: the goods (after discounts, spread over the lines in proportion to
 * their value) and the delivery fee, grouped by rate, highest rate first.
 */
export function taxBreakdown(input: {
  lines: { quantity: number; unitPriceMinor: number; vatRate: number }[];
  goodsMinor: number;
  shippingMinor: number;
}): TaxLine[] {
  const shares = allocateMinor(
    input.lines.map((l) => l.quantity * l.unitPriceMinor),
    input.goodsMinor,
  );
  const parts = input.lines.map((l, i) => ({ rate: l.vatRate, gross: shares[i]! }));
  if (input.shippingMinor > 0) parts.push({ rate: SHIPPING_VAT_RATE, gross: input.shippingMinor });
  const byRate = new Map<number, TaxLine>();
  for (const part of parts) {
    const vat = vatOfGross(part.gross, part.rate);
    const line = byRate.get(part.rate) ?? { rate: part.rate, netMinor: 0, vatMinor: 0 };
    line.netMinor += part.gross - vat;
    line.vatMinor += vat;
    byRate.set(part.rate, line);
  }
  return [...byRate.values()].sort((a, b) => b.rate - a.rate);
}
