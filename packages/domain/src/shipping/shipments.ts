import { eq } from "drizzle-orm";

import { shipments, type DbOrTx, type ShipmentStatus, type Tx } from "@omni/db";

export type Shipment = typeof shipments.$inferSelect;

export async function shipmentOfOrder(db: DbOrTx, orderId: string): Promise<Shipment | undefined> {
  const [row] = await db.select().from(shipments).where(eq(shipments.orderId, orderId));
  return row;
}

/** Records the parcel the carrier made for an order (once: the order id is unique). */
export async function recordShipment(
  tx: Tx,
  input: { orderId: string; carrier: string; service: "courier" | "locker"; trackingNumber: string; at: Date },
): Promise<Shipment> {
  const [row] = await tx
    .insert(shipments)
    .values({
      ...input,
      createdAt: input.at,
      updatedAt: input.at,
      events: [{ status: "label_created", at: input.at.toISOString() }],
    })
    .onConflictDoNothing({ target: shipments.orderId })
    .returning();
  return row ?? (await shipmentOfOrder(tx, input.orderId))!;
}

/** Moves a parcel to the status the carrier reports, keeping each step with its time. */
export async function recordShipmentStatus(tx: Tx, shipment: Shipment, status: ShipmentStatus, at: Date) {
  await tx
    .update(shipments)
    .set({ status, updatedAt: at, events: [...shipment.events, { status, at: at.toISOString() }] })
    .where(eq(shipments.id, shipment.id));
}

/** The public tracking page of the demo carrier (InPost's has the same shape). */
export const trackingUrl = (trackingNumber: string) =>
  `https://inpost.pl/sledzenie-przesylek?number=${encodeURIComponent(trackingNumber)}`;
