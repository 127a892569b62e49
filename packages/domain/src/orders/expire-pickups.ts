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
      due: sql`status in ('placed', 'picking', 'ready_for_pickup') and pickup_deadline <= ${at(now)}`,
      handle: async (tx, id) => {
        const order = await lockOrder(tx, id);
        await closeUnfulfilledOrder(tx, {
          order,
          to: "expired",
          actor: systemActor,
          reason: "not collected by the pickup deadline",
          at: now,
        });
      },
    }),
};
