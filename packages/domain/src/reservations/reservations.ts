import { and, asc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";

import {
  products,
  reservationLines,
  reservations,
  variants,
  type Database,
  type DbOrTx,
  type ReservationStatus,
  type Tx,
} from "@omni/db";

import { priceSkus } from "../catalog";
import { messageLocale, queueServiceSms, smsWhen, textsFor } from "../engagement";
import { endHolds, lockStockRows, reserveStock } from "../inventory";
import {
  badRequest,
  conflict,
  forbidden,
  isUniqueViolation,
  notFound,
  notYourStore,
  queueMessage,
  randomCode,
  recordAudit,
  requestFingerprint,
  whenText,
  withCodeLimit,
  worksIn,
  type Actor,
} from "../kernel";
import { findLocation, reservationExpiry } from "../stores";
import { checkReservationLimits } from "./reservation-limits";
import { moveReservation, recordReservationEvent } from "./reservation-state-machine";
import {
  effectiveStatus,
  findReservationByCode,
  lockReservation,
  reservationView,
  reservationViews,
  type ReservationRow,
} from "./reservation-view";

export type CreateReservationInput = {
  storeId: string;
  lines: { sku: string; quantity: number }[];
  email: string;
  name: string;
  phone?: string;
  /** The shopper's language for every message about the reservation. */
  locale?: "pl" | "en";
  idempotencyKey: string;
};

const answerOf = (r: ReservationRow) => ({
  code: r.code,
  status: effectiveStatus(r),
  expiresAt: r.expiresAt,
  storeId: r.storeId,
});

/** The first answer for an idempotency key; a key used by another shopper is refused, never answered. */
async function answerForKey(
  db: DbOrTx,
  input: Pick<CreateReservationInput, "idempotencyKey" | "email">,
  fingerprint: string,
) {
  const [existing] = await db.select().from(reservations).where(eq(reservations.idempotencyKey, input.idempotencyKey));
  if (!existing) return null;
  // The key answers only the request it first came with (kernel/request-fingerprint.ts).
  if (
    existing.email !== input.email.trim().toLowerCase() ||
    (existing.requestFingerprint && existing.requestFingerprint !== fingerprint)
  )
    throw conflict("This reservation key was already used. Reload the page and try again.", {
      reason: "idempotency_key_reused",
    });
  return answerOf(existing);
}

async function unusedCode(tx: Tx): Promise<string> {
  for (;;) {
    const code = randomCode(8);
    const [taken] = await tx.select({ id: reservations.id }).from(reservations).where(eq(reservations.code, code));
    if (!taken) return code;
  }
}

/** One line per SKU, quantities added up, in SKU order (so concurrent reservations lock rows in the same order). */
function mergeLines(lines: CreateReservationInput["lines"]) {
  const merged = new Map<string, number>();
  for (const line of lines) merged.set(line.sku, (merged.get(line.sku) ?? 0) + line.quantity);
  return [...merged]
    .map(([sku, quantity]) => ({ sku, quantity }))
    .sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
}

/**
 * Reserve to pay and collect in a store: holds the units at that store until the reservation
 * expires (race-safe: the stock row is locked, so the last units go to exactly as many shoppers as
 * there are units). Repeating a call with the same key answers the first reservation.
 */
export async function createReservation(db: Database, actor: Actor, input: CreateReservationInput) {
  const fingerprint = requestFingerprint(actor, input);
  const replay = await answerForKey(db, input, fingerprint);
  if (replay) return replay;
  const lines = mergeLines(input.lines);
  if (!lines.length) throw badRequest("Add at least one item to reserve.", { reason: "reservation_empty" });
  await checkReservationLimits(db, actor, { email: input.email, lines });
  try {
    return await db.transaction(async (tx) => {
      const store = await findLocation(tx, input.storeId);
      if (store.type !== "store" || !store.reservations)
        throw badRequest(`${store.name} does not take reservations. Choose another store.`, {
          reason: "store_no_reservations",
          store: store.name,
          field: "storeId",
        });

      const skus = lines.map((l) => l.sku);
      const sold = await tx
        .select({ sku: variants.sku, active: sql<boolean>`${variants.active} and ${products.active}` })
        .from(variants)
        .innerJoin(products, eq(products.id, variants.productId))
        .where(inArray(variants.sku, skus));
      for (const sku of skus) {
        const variant = sold.find((v) => v.sku === sku);
        if (!variant) throw notFound(`SKU ${sku}`, "sku_not_found", { sku: sku });
        if (!variant.active) throw conflict(`${sku} is no longer sold.`, { reason: "sku_withdrawn", sku });
      }
      const prices = await priceSkus(tx, skus);
      const now = new Date();
      const expiresAt = reservationExpiry({
        now,
        holdHours: store.reservationHoldHours,
        openingHours: store.openingHours,
        timeZone: store.timezone,
      });
      const [reservation] = await tx
        .insert(reservations)
        .values({
          code: await unusedCode(tx),
          storeId: store.id,
          channel: actor.channel,
          // Staff reserving for a shopper at the counter do not own the reservation.
          userId: actor.role === "customer" ? (actor.userId ?? null) : null,
          email: input.email.trim().toLowerCase(),
          name: input.name,
          phone: input.phone || null,
          locale: input.locale ?? "en",
          expiresAt,
          idempotencyKey: input.idempotencyKey,
          requestFingerprint: fingerprint,
        })
        .returning();
      const res = reservation!;
      await tx.insert(reservationLines).values(
        lines.map((l) => ({
          reservationId: res.id,
          sku: l.sku,
          title: `${prices.get(l.sku)!.productTitle} – ${prices.get(l.sku)!.title}`,
          quantity: l.quantity,
          unitPriceMinor: prices.get(l.sku)!.priceMinor,
        })),
      );
      await lockStockRows(
        tx,
        lines.map((l) => ({ locationId: store.id, sku: l.sku })),
      );
      for (const line of lines) {
        await reserveStock(tx, {
          locationId: store.id,
          sku: line.sku,
          quantity: line.quantity,
          kind: "reservation",
          ownerId: res.id,
          expiresAt,
          actor,
        });
      }
      await recordReservationEvent(tx, { reservationId: res.id, type: "created", actor });
      const t = textsFor(res.locale);
      await queueMessage(tx, {
        to: res.email,
        template: "reservation_confirmed",
        subject: t.reservationSubject({ code: res.code, store: store.name }),
        body: t.reservationBody({
          name: res.name,
          code: res.code,
          store: store.name,
          address: `${store.address}, ${store.city}`,
          until: whenText(expiresAt, store.timezone, messageLocale(res.locale)),
        }),
        data: { code: res.code, storeId: store.id, storeName: store.name, expiresAt: expiresAt.toISOString(), lines },
      });
      await queueServiceSms(tx, {
        phone: res.phone,
        email: res.email,
        template: "reservation_confirmed",
        body: t.reservationSms({
          code: res.code,
          store: store.name,
          until: smsWhen(expiresAt, store.timezone),
        }),
        data: { code: res.code, storeId: store.id },
      });
      await recordAudit(tx, actor, {
        action: "reservations.create",
        entityType: "reservation",
        entityId: res.code,
        storeId: store.id,
        after: { lines },
      });
      return answerOf(res);
    });
  } catch (error) {
    // Two calls with one key at the same moment: the loser waited on the key's unique index.
    if (isUniqueViolation(error, "reservations_idempotency_key_unique")) {
      const first = await answerForKey(db, input, fingerprint);
      if (first) return first;
    }
    throw error;
  }
}

/** A shopper's reservation: the code and the e-mail it was made with must both match. */
export async function getReservation(db: Database, actor: Actor, input: { code: string; email: string }) {
  const reservation = await withCodeLimit(db, actor, () => findReservationByCode(db, input.code, input.email));
  return reservationView(db, reservation);
}

/** Ends an active reservation: its units go back on the shelf. */
export async function closeReservation(
  tx: Tx,
  input: { reservation: ReservationRow; to: "cancelled" | "expired"; actor: Actor; at?: Date },
): Promise<void> {
  const { reservation, actor } = input;
  await moveReservation(tx, { reservation, to: input.to, actor, at: input.at });
  await endHolds(tx, {
    ownerId: reservation.id,
    mode: "release",
    reason: input.to === "expired" ? "reservation_expired" : "reservation_release",
    actor,
    note: `Reservation ${reservation.code} ${input.to}`,
  });
  const store = await findLocation(tx, reservation.storeId);
  const t = textsFor(reservation.locale);
  const closed = { name: reservation.name, code: reservation.code, store: store.name };
  await queueMessage(tx, {
    to: reservation.email,
    template: input.to === "expired" ? "reservation_expired" : "reservation_cancelled",
    subject:
      input.to === "expired"
        ? t.reservationExpiredSubject(reservation.code)
        : t.reservationCancelledSubject(reservation.code),
    body: input.to === "expired" ? t.reservationExpiredBody(closed) : t.reservationCancelledBody(closed),
    data: { code: reservation.code, storeId: reservation.storeId },
  });
}

/** Refuses anything but a reservation that still holds its items, saying what became of it. */
export function assertActive(reservation: ReservationRow) {
  const status = effectiveStatus(reservation);
  if (status !== "active")
    throw conflict(`Reservation ${reservation.code} is ${status} and can no longer be changed.`, {
      reason: "reservation_closed",
      code: reservation.code,
      status,
    });
}

export async function cancelReservation(db: Database, actor: Actor, input: { code: string; email: string }) {
  const found = await withCodeLimit(db, actor, () => findReservationByCode(db, input.code, input.email));
  return db.transaction(async (tx) => {
    const reservation = await lockReservation(tx, found.id);
    assertActive(reservation);
    await closeReservation(tx, { reservation, to: "cancelled", actor });
    await recordAudit(tx, actor, {
      action: "reservations.cancel",
      entityType: "reservation",
      entityId: reservation.code,
      storeId: reservation.storeId,
    });
    return reservationView(tx, await lockReservation(tx, reservation.id));
  });
}

/** The counter: a reservation by code, for staff of its store. */
export async function lookupReservation(db: Database, actor: Actor, input: { code: string }) {
  const reservation = await withCodeLimit(db, actor, () => findReservationByCode(db, input.code));
  if (!worksIn(actor, reservation.storeId))
    throw forbidden(`Reservation ${reservation.code} is for another store.`, {
      reason: "reservation_other_store",
      code: reservation.code,
    });
  return reservationView(db, reservation);
}

/** A store's reservations in one status (active unless asked), soonest to expire first. */
export async function listReservations(
  db: Database,
  actor: Actor,
  input: { storeId: string; status?: ReservationStatus; limit?: number },
) {
  if (!worksIn(actor, input.storeId)) throw notYourStore();
  const status = input.status ?? "active";
  const lapsed = and(eq(reservations.status, "active"), lte(reservations.expiresAt, sql`now()`));
  const byStatus =
    status === "active"
      ? and(eq(reservations.status, "active"), gt(reservations.expiresAt, sql`now()`))
      : status === "expired"
        ? or(eq(reservations.status, "expired"), lapsed)
        : eq(reservations.status, status);
  const rows = await db
    .select()
    .from(reservations)
    .where(and(eq(reservations.storeId, input.storeId), byStatus))
    .orderBy(asc(reservations.expiresAt))
    .limit(input.limit ?? 200);
  return reservationViews(db, rows);
}
