import { asc, eq, inArray, sql } from "drizzle-orm";

import { normalizeCode } from "@omni/core";
import { orders, reservationLines, reservations, type DbOrTx, type ReservationStatus, type Tx } from "@omni/db";

import { DomainError, notFound } from "../kernel";
import { findLocations } from "../stores";

export type ReservationRow = typeof reservations.$inferSelect;

/**
 * A reservation whose time has passed reads `expired` at once, before the sweep marks it, just as
 * its held units stop counting for availability at once.
 */
export function effectiveStatus(
  reservation: Pick<ReservationRow, "status" | "expiresAt">,
  now = new Date(),
): ReservationStatus {
  return reservation.status === "active" && reservation.expiresAt <= now ? "expired" : reservation.status;
}

const noSuchReservation = () =>
  new DomainError("NOT_FOUND", "No reservation has this code. Check the code and try again.", {
    reason: "reservation_code_unknown",
  });

/** The reservation behind a code as typed or scanned; with `email`, only if it is the shopper's. */
export async function findReservationByCode(db: DbOrTx, code: string, email?: string): Promise<ReservationRow> {
  const normalized = normalizeCode(code);
  const [reservation] = normalized ? await db.select().from(reservations).where(eq(reservations.code, normalized)) : [];
  if (!reservation || (email !== undefined && reservation.email !== email.trim().toLowerCase()))
    throw noSuchReservation();
  return reservation;
}

export async function lockReservation(tx: Tx, id: string): Promise<ReservationRow> {
  await tx.execute(sql`select id from reservations where id = ${id} for update`);
  const [reservation] = await tx.select().from(reservations).where(eq(reservations.id, id));
  if (!reservation) throw notFound("The reservation", "reservation_not_found");
  return reservation;
}

/** Reservations with their lines, store and order number, as shoppers and staff see them. */
export async function reservationViews(db: DbOrTx, rows: ReservationRow[], now = new Date()) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const lines = await db
    .select()
    .from(reservationLines)
    .where(inArray(reservationLines.reservationId, ids))
    .orderBy(asc(reservationLines.sku));
  const storeIds = [...new Set(rows.map((r) => r.storeId))];
  const stores = await findLocations(db, storeIds);
  const orderIds = rows.map((r) => r.orderId).filter((id): id is string => id !== null);
  const sold = orderIds.length
    ? await db.select({ id: orders.id, number: orders.number }).from(orders).where(inArray(orders.id, orderIds))
    : [];
  return rows.map((r) => {
    const store = stores.find((s) => s.id === r.storeId)!;
    const own = lines.filter((l) => l.reservationId === r.id);
    return {
      code: r.code,
      status: effectiveStatus(r, now),
      storeId: r.storeId,
      expiresAt: r.expiresAt,
      createdAt: r.createdAt,
      channel: r.channel,
      name: r.name,
      email: r.email,
      phone: r.phone,
      lines: own.map((l) => ({ sku: l.sku, title: l.title, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor })),
      totalMinor: own.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0),
      currency: "PLN",
      orderNumber: sold.find((o) => o.id === r.orderId)?.number ?? null,
      store: {
        id: store.id,
        name: store.name,
        city: store.city,
        address: store.address,
        postalCode: store.postalCode,
        phone: store.phone,
        openingHours: store.openingHours,
        pickupPoint: store.pickupPoint,
      },
    };
  });
}

export async function reservationView(db: DbOrTx, row: ReservationRow, now = new Date()) {
  const [view] = await reservationViews(db, [row], now);
  return view!;
}

export type ReservationView = Awaited<ReturnType<typeof reservationView>>;
