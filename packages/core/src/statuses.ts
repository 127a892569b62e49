/**
 * Which order statuses are "done", said once. An order is done when nothing more will happen to its
 * goods: completed (the shopper has them) or closed (it will never be fulfilled).
 */
export const COMPLETED_ORDER_STATUSES = ["collected", "delivered"] as const;
export const CLOSED_ORDER_STATUSES = ["cancelled", "expired"] as const;
export const DONE_ORDER_STATUSES = [...COMPLETED_ORDER_STATUSES, ...CLOSED_ORDER_STATUSES] as const;

export type CompletedOrderStatus = (typeof COMPLETED_ORDER_STATUSES)[number];
export type ClosedOrderStatus = (typeof CLOSED_ORDER_STATUSES)[number];
export type DoneOrderStatus = (typeof DONE_ORDER_STATUSES)[number];

export const isOrderCompleted = (status: string): status is CompletedOrderStatus =>
  (COMPLETED_ORDER_STATUSES as readonly string[]).includes(status);
export const isOrderClosed = (status: string): status is ClosedOrderStatus =>
  (CLOSED_ORDER_STATUSES as readonly string[]).includes(status);
export const isOrderDone = (status: string): status is DoneOrderStatus =>
  (DONE_ORDER_STATUSES as readonly string[]).includes(status);

/** A reservation is done once it was sold, cancelled or lapsed. */
export const DONE_RESERVATION_STATUSES = ["fulfilled", "cancelled", "expired"] as const;
