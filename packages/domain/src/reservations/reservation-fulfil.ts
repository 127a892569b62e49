import { eq } from "drizzle-orm";

import { reservationLines, type Database } from "@omni/db";

import { endHolds } from "../inventory";
import { badRequest, forbidden, recordAudit, withCodeLimit, worksIn, type Actor } from "../kernel";
import { createOrder } from "../orders";
import { moveReservation } from "./reservation-state-machine";
import { findReservationByCode, lockReservation } from "./reservation-view";
import { assertActive } from "./reservations";

/**
 * The shopper pays at the counter for the reserved items they take (all, or the SKUs listed): they
 * become an order of channel `store`, collected and paid there; the held units leave the shelf and
 * the rest of the reservation goes back on sale.
 */
export async function fulfilReservation(db: Database, actor: Actor, input: { code: string; skus?: string[] }) {
  const found = await withCodeLimit(db, actor, () => findReservationByCode(db, input.code));
  if (!worksIn(actor, found.storeId))
    throw forbidden(`Reservation ${found.code} is for another store.`, {
      reason: "reservation_other_store",
      code: found.code,
    });
  return db.transaction(async (tx) => {
    const reservation = await lockReservation(tx, found.id);
    assertActive(reservation);
    const lines = await tx.select().from(reservationLines).where(eq(reservationLines.reservationId, reservation.id));
    const wanted = input.skus ? new Set(input.skus) : null;
    for (const sku of wanted ?? []) {
      if (!lines.some((l) => l.sku === sku))
        throw badRequest(`${sku} is not part of reservation ${reservation.code}.`, {
          reason: "reservation_sku_unknown",
          code: reservation.code,
          sku,
        });
    }
    const sold = wanted ? lines.filter((l) => wanted.has(l.sku)) : lines;
    if (!sold.length)
      throw badRequest("Choose at least one reserved item to sell.", { reason: "reservation_choose_item" });
    const rest = lines.filter((l) => !sold.includes(l));

    const now = new Date();
    const total = sold.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
    const order = await createOrder(tx, actor, {
      order: {
        channel: "store",
        fulfillmentType: "pickup",
        locationId: reservation.storeId,
        userId: reservation.userId,
        email: reservation.email,
        name: reservation.name,
        phone: reservation.phone,
        subtotalMinor: total,
        totalMinor: total,
        // Paid in full at the counter.
        paymentMethod: "pay_in_store",
        paidMinor: total,
        reservationId: reservation.id,
      },
      lines: sold.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
      soldAtCounter: true,
      data: { reservationCode: reservation.code },
      at: now,
    });

    await endHolds(tx, {
      ownerId: reservation.id,
      mode: "consume",
      reason: "reservation_sold",
      actor,
      note: `Sold as ${order.number}`,
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
    await moveReservation(tx, { reservation, to: "fulfilled", actor, orderId: order.id, at: now });
    await recordAudit(tx, actor, {
      action: "reservations.fulfil",
      entityType: "reservation",
      entityId: reservation.code,
      storeId: reservation.storeId,
      before: { status: "active" },
      after: {
        status: "fulfilled",
        orderNumber: order.number,
        soldSkus: sold.map((l) => l.sku),
        releasedSkus: rest.map((l) => l.sku),
        totalMinor: total,
      },
    });
    return {
      orderNumber: order.number,
      totalMinor: total,
      currency: order.currency,
      soldSkus: sold.map((l) => l.sku),
      releasedSkus: rest.map((l) => l.sku),
    };
  });
}
