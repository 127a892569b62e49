import { eq } from "drizzle-orm";

import {
  orderEvents,
  orderLines,
  orders,
  reservationEvents,
  reservationLines,
  reservations,
  type Database,
} from "@omni/db";

import { endHolds } from "../inventory";
import { badRequest, forbidden, nextOrderNumber, recordAudit, withCodeLimit, worksIn, type Actor } from "../kernel";
import { findReservationByCode, lockReservation } from "./reservation-view";
import { assertActive } from "./reservations";

/**
 * The shopper pays at the counter for the reserved items they take (all, or the SKUs listed): they
 * become an order of channel `store`, collected and paid there; the held units leave the shelf and
 * the rest of the reservation goes back on sale.
 */
export async function fulfilReservation(db: Database, actor: Actor, input: { code: string; skus?: string[] }) {
  const found = await withCodeLimit(db, actor, () => findReservationByCode(db, input.code));
  if (!worksIn(actor, found.storeId)) throw forbidden(`Reservation ${found.code} is for another store.`);
  return db.transaction(async (tx) => {
    const reservation = await lockReservation(tx, found.id);
    assertActive(reservation);
    const lines = await tx.select().from(reservationLines).where(eq(reservationLines.reservationId, reservation.id));
    const wanted = input.skus ? new Set(input.skus) : null;
    for (const sku of wanted ?? []) {
      if (!lines.some((l) => l.sku === sku))
        throw badRequest(`${sku} is not part of reservation ${reservation.code}.`, { sku });
    }
    const sold = wanted ? lines.filter((l) => wanted.has(l.sku)) : lines;
    if (!sold.length) throw badRequest("Choose at least one reserved item to sell.");
    const rest = lines.filter((l) => !sold.includes(l));

    const now = new Date();
    const total = sold.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
    const [order] = await tx
      .insert(orders)
      .values({
        number: await nextOrderNumber(tx),
        channel: "store",
        // Sold over the counter: the order starts and ends here, paid in full.
        status: "collected",
        fulfillmentType: "pickup",
        locationId: reservation.storeId,
        userId: reservation.userId,
        email: reservation.email,
        name: reservation.name,
        phone: reservation.phone,
        subtotalMinor: total,
        totalMinor: total,
        paymentMethod: "pay_in_store",
        paidMinor: total,
        completedAt: now,
        reservationId: reservation.id,
      })
      .returning();
    await tx.insert(orderLines).values(
      sold.map((l) => ({
        orderId: order!.id,
        sku: l.sku,
        title: l.title,
        quantity: l.quantity,
        unitPriceMinor: l.unitPriceMinor,
      })),
    );
    const who = {
      channel: actor.channel,
      actorUserId: actor.userId ?? null,
      actorDeviceId: actor.deviceId ?? null,
      data: { reservationCode: reservation.code },
      at: now,
    };
    await tx.insert(orderEvents).values([
      { orderId: order!.id, type: "placed", fromStatus: null, toStatus: "placed", ...who },
      { orderId: order!.id, type: "collected", fromStatus: "placed", toStatus: "collected", ...who },
    ]);

    await endHolds(tx, {
      ownerId: reservation.id,
      mode: "consume",
      reason: "reservation_sold",
      actor,
      note: `Sold as ${order!.number}`,
      only: sold.map((l) => ({ sku: l.sku, quantity: l.quantity })),
    });
    if (rest.length) {
      await endHolds(tx, {
        ownerId: reservation.id,
        mode: "release",
        reason: "reservation_release",
        actor,
        note: `Not taken from ${reservation.code}`,
      });
    }
    await tx
      .update(reservations)
      .set({ status: "fulfilled", orderId: order!.id, closedAt: now })
      .where(eq(reservations.id, reservation.id));
    await tx.insert(reservationEvents).values({
      reservationId: reservation.id,
      type: "fulfilled",
      channel: actor.channel,
      actorUserId: actor.userId ?? null,
      at: now,
    });
    await recordAudit(tx, actor, {
      action: "reservations.fulfil",
      entityType: "reservation",
      entityId: reservation.code,
      storeId: reservation.storeId,
      before: { status: "active" },
      after: {
        status: "fulfilled",
        orderNumber: order!.number,
        soldSkus: sold.map((l) => l.sku),
        releasedSkus: rest.map((l) => l.sku),
        totalMinor: total,
      },
    });
    return {
      orderNumber: order!.number,
      totalMinor: total,
      currency: order!.currency,
      soldSkus: sold.map((l) => l.sku),
      releasedSkus: rest.map((l) => l.sku),
    };
  });
}
