/** What an order's lines are worth, and what a shopper paying in store owes at the counter. */
type OrderTotals = { subtotalMinor: number; totalMinor: number; shippingMinor: number };
type Units = { quantity: number; unitPriceMinor: number }[];

/** The share of the order's total that a set of lines stands for, after order-wide discounts. */
export function valueOfUnits(order: OrderTotals, units: Units): number {
  const gross = units.reduce((sum, u) => sum + u.quantity * u.unitPriceMinor, 0);
  if (order.subtotalMinor <= 0) return 0;
  // The goods after discounts: the delivery fee is not part of what a unit is worth.
  return Math.round((gross * (order.totalMinor - order.shippingMinor)) / order.subtotalMinor);
}

/**
 * A pay-in-store order is paid at the handover for what the shopper keeps, less what store credit, gift
 * cards and loyalty points already paid at checkout (never below zero: credit beyond it goes back as credit).
 */
export function dueAtHandover(
  order: OrderTotals & { storeCreditMinor: number; pointsMinor: number; giftCardMinor?: number },
  kept: Units,
): number {
  return Math.max(
    0,
    valueOfUnits(order, kept) - order.storeCreditMinor - (order.giftCardMinor ?? 0) - order.pointsMinor,
  );
}

export type HandoverPayment = { method: "cash"; tenderedMinor: number } | { method: "card" };
