import type { inferRouterInputs } from "@trpc/server";

import type { AppRouter } from "@omni/api";

/** The kinds of message the outbox writes, as the notifications filter takes them. */
type ListInput = Exclude<inferRouterInputs<AppRouter>["notifications"]["list"], void | undefined>;
export type MessageTemplate = NonNullable<ListInput["template"]>;

// A record, not a list, so that a kind of message added to the platform fails to compile here until it has a name.
const kinds: Record<MessageTemplate, true> = {
  order_placed: true,
  order_ready_for_pickup: true,
  order_pickup_reminder: true,
  order_expired: true,
  order_cancelled: true,
  order_collected: true,
  parcel_in_locker: true,
  reservation_confirmed: true,
  reservation_expiring: true,
  reservation_expired: true,
  reservation_cancelled: true,
  return_created: true,
  return_received: true,
  return_rejected: true,
  refund_issued: true,
  back_in_stock: true,
  cart_reminder: true,
  review_request: true,
  marketing_confirm: true,
  marketing_confirm_sms: true,
  account_verify_email: true,
  account_password_reset: true,
  account_password_changed: true,
  staff_invited: true,
  points_expiring: true,
  gift_card_issued: true,
};

export const messageTemplates = Object.keys(kinds) as MessageTemplate[];
