import { sql } from "drizzle-orm";

import { shipmentStatuses, type Database } from "@omni/db";

import { queueServiceSms, textsFor } from "../engagement";
import { queueMessage, systemActor, type Sweep } from "../kernel";
import { carrier, recordShipmentStatus, shipmentOfOrder, trackingUrl } from "../shipping";
import { lockOrder, transitionOrder } from "./order-state-machine";

/**
 * Asks the carrier where each parcel on its way is. A parcel waiting in its locker sends the shopper
 * a message (by SMS too when they gave a phone number); a delivered one delivers the order.
 */
export async function trackShipments(db: Database, now: Date): Promise<number> {
  const open = await db.execute<{ order_id: string; id: string }>(
    sql`select order_id, id from shipments where status <> 'delivered' order by updated_at limit 200`,
  );
  let moved = 0;
  for (const { order_id: orderId } of open) {
    const before = await shipmentOfOrder(db, orderId);
    if (!before || before.carrier !== carrier().id) continue;
    const status = await carrier().track({
      trackingNumber: before.trackingNumber,
      service: before.service,
      since: before.createdAt,
      now,
    });
    if (shipmentStatuses.indexOf(status) <= shipmentStatuses.indexOf(before.status)) continue;
    await db.transaction(async (tx) => {
      const order = await lockOrder(tx, orderId);
      const shipment = await shipmentOfOrder(tx, orderId);
      if (!shipment || shipment.status !== before.status) return;
      await recordShipmentStatus(tx, shipment, status, now);
      if (status === "ready_in_locker") {
        const t = textsFor(order.locale);
        const message = {
          template: "parcel_in_locker" as const,
          subject: t.lockerSubject(order.number),
          body: t.lockerBody({
            name: order.name,
            orderNumber: order.number,
            locker: order.address?.line1 ?? order.lockerId ?? "",
            link: trackingUrl(shipment.trackingNumber),
          }),
          data: { orderNumber: order.number, trackingNumber: shipment.trackingNumber, lockerId: order.lockerId },
        };
        await queueMessage(tx, { ...message, to: order.email });
        await queueServiceSms(tx, {
          phone: order.phone,
          email: order.email,
          template: "parcel_in_locker",
          body: t.lockerSms({
            orderNumber: order.number,
            locker: order.lockerId ?? order.address?.line1 ?? "",
            link: trackingUrl(shipment.trackingNumber),
          }),
          data: message.data,
        });
      }
      if (status === "delivered" && order.status === "shipped")
        await transitionOrder(tx, { orderId, to: "delivered", actor: systemActor, at: now });
    });
    moved++;
  }
  return moved;
}

export const trackShipmentsSweep: Sweep = { name: "track-shipments", run: trackShipments };
