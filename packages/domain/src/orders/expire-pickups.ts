import { sql } from "drizzle-orm";

import { at, handleEachLocked, systemActor, type Sweep } from "../kernel";
import { closeUnfulfilledOrder } from "./fulfillment";
import { lockOrder } from "./order-state-machine";

/**
 * Orders not collected by their pickup deadline: expired, stock back on the shelf, paid money refunded.
 * Unpaid pay-in-store orders carry a deadline from the moment they are placed, so they expire even
 * when nobody in the store ever picks them (else they would hold stock forever).
 */
export const expirePickups: Sweep = {
  name: "expire-pickups",
  run: (db, now) =>
    handleEachLocked(db, {
      table: "orders",
      now,
      // An unpaid (pay-in-store) order expires at its deadline whether or not the store got to it; a
      // ship-to-store order whose goods never came, the store's pickup days after its promise.
      due: sql`((status in ('placed', 'picking', 'ready_for_pickup') and pickup_deadline <= ${at(now)}) or (status in ('placed', 'picking')
        and fulfillment_type = 'pickup' and ready_by + make_interval(days => (select pickup_expiry_days from locations l where l.id = orders.location_id)) <= ${at(now)}))`,
      handle: async (tx, id) => {
        const order = await lockOrder(tx, id);
        await closeUnfulfilledOrder(tx, {
          order,
          to: "expired",
          actor: systemActor,
          reason:
            order.status === "ready_for_pickup"
              ? "not collected by the pickup deadline"
              : "its goods did not reach the store in time",
          at: now,
        });
      },
    }),
};
