/**
 * What a shopper paid for returned units. An order-level discount is shared out over the lines in
 * proportion to their value, so a unit bought with 10% off the basket refunds 90% of its price.
 * Within a line the units are counted off in order (declined first, then earlier returns), and
 * each step refunds the difference of a rounded-down running total: however a line is split
 * across returns, the parts add up to exactly what the line cost and never more.
 */

export type ReturnPricedLine = { lineId: string; quantity: number; unitPriceMinor: number };

/** What each line cost after its share of the order discount, adding up to `goodsPaidMinor`. */
export function paidPerLine(lines: ReturnPricedLine[], goodsPaidMinor: number): Map<string, number> {
  const gross = lines.map((l) => l.quantity * l.unitPriceMinor);
  const total = gross.reduce((a, b) => a + b, 0);
  const out = new Map<string, number>();
  if (total <= 0) {
    for (const l of lines) out.set(l.lineId, 0);
    return out;
  }
  const target = Math.max(0, Math.min(goodsPaidMinor, total));
  // Largest remainder: round every share down, then give the leftover minor units to the largest fractions.
  const exact = gross.map((g) => (g * target) / total);
  const shares = exact.map(Math.floor);
  let leftover = target - shares.reduce((a, b) => a + b, 0);
  const byFraction = exact
    .map((e, i) => ({ i, fraction: e - Math.floor(e) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (const { i } of byFraction) {
    if (leftover <= 0) break;
    shares[i]! += 1;
    leftover -= 1;
  }
  lines.forEach((l, i) => out.set(l.lineId, shares[i]!));
  return out;
}

/** The refund for `units` of a line of which `alreadyCounted` units were declined or returned before. */
export function refundForUnits(input: {
  linePaidMinor: number;
  quantity: number;
  alreadyCounted: number;
  units: number;
}): number {
  const runningTotal = (n: number) => Math.floor((input.linePaidMinor * Math.min(n, input.quantity)) / input.quantity);
  return runningTotal(input.alreadyCounted + input.units) - runningTotal(input.alreadyCounted);
}
