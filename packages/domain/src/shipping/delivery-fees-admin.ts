import type { Database } from "@omni/db";

import { forbidden, recordAudit, type Actor } from "../kernel";
import { deliveryFees, setDeliveryFees, type DeliveryFees } from "./delivery-fees";

/** Admin → Orders: the courier and locker prices and the free-delivery threshold, audited with before and after. */
export async function updateDeliveryFees(db: Database, actor: Actor, input: DeliveryFees) {
  if (actor.role !== "admin")
    throw forbidden("Only an administrator can change the delivery prices.", { reason: "admin_only" });
  return db.transaction(async (tx) => {
    const before = await deliveryFees(tx);
    const after = await setDeliveryFees(tx, {
      courierMinor: input.courierMinor,
      lockerMinor: input.lockerMinor,
      freeFromMinor: input.freeFromMinor,
    });
    await recordAudit(tx, actor, {
      action: "shipping.deliveryFees",
      entityType: "settings",
      entityId: "delivery_fees",
      before,
      after,
    });
    return after;
  });
}
