import type { Channel, MovementReason, OrderStatus } from "../schema";
import * as s from "../schema";
import type { Random } from "./random";

/**
 * Months of past trade for the demo: orders in every channel and store, written to the same tables as live
 * orders with the timestamps they would have had (placed, picked, ready, collected or expired, shipped and
 * delivered), their stock holds and movements, reservations that became counter sales or lapsed, and returns.
 * Everything ends closed before `now`, so today's queues, holds and availability are those of the plain seed.
 * Built in memory with the seeded random and written in bulk, so it adds about a second to seeding.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Level = { locationId: string; sku: string; onHand: number };
type VariantInfo = { sku: string; title: string; priceMinor: number };

type OrderRow = typeof s.orders.$inferInsert & { id: string; createdAt: Date };
type LineRow = typeof s.orderLines.$inferInsert & { id: string };
type Movement = {
  at: number;
  locationId: string;
  sku: string;
  reason: MovementReason;
  onHandDelta: number;
  heldDelta: number;
  refType: string;
  refId: string;
  note: string;
};

export type History = {
  orders: OrderRow[];
  lines: LineRow[];
  events: (typeof s.orderEvents.$inferInsert)[];
  holds: (typeof s.stockHolds.$inferInsert)[];
  reservations: (typeof s.reservations.$inferInsert)[];
  reservationLines: (typeof s.reservationLines.$inferInsert)[];
  reservationEvents: (typeof s.reservationEvents.$inferInsert)[];
  returns: (typeof s.returns.$inferInsert)[];
  returnLines: (typeof s.returnLines.$inferInsert)[];
  returnEvents: (typeof s.returnEvents.$inferInsert)[];
  /** Movements in time order, before their running before/after values are known. */
  movements: Movement[];
  /** Units each location and SKU lost over the history, to add to its opening stock. */
  netOutflow: Map<string, number>;
};

// Saturday is the busiest day, Monday and Tuesday the quietest (Sunday = 0, as Date.getUTCDay).
const weekday = [0.95, 0.75, 0.8, 0.9, 1.05, 1.3, 1.55];
const firstNames = ["Anna", "Piotr", "Kasia", "Tomasz", "Marta", "Jan", "Zofia", "Paweł", "Ewa", "Michał", "Julia"];
const lastNames = ["Nowak", "Kowalski", "Wiśniewska", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Szymański"];
const reasons = [
  "wrong_size",
  "wrong_size",
  "wrong_size",
  "changed_mind",
  "changed_mind",
  "not_as_described",
  "damaged",
  "other",
] as const;
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${"89ab"[Math.floor(random.next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Skewed towards the front of a list: a few best sellers and a long tail of occasional ones. */
function popular<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(items.length * random.next() ** 2.6)]!;
}

export function buildHistory(input: {
  random: Random;
  now: Date;
  days: number;
  stores: string[];
  warehouse: string;
  variants: VariantInfo[];
  levels: Level[];
  /** The first order number and return number to use (the sequences move past them afterwards). */
  firstOrderNumber: number;
  firstReturnNumber: number;
}): History {
  const { random, stores, warehouse } = input;
  const now = input.now.getTime();
  const latest = now - 2 * HOUR;
  const variantBySku = new Map(input.variants.map((v) => [v.sku, v]));
  const key = (locationId: string, sku: string) => `${locationId}|${sku}`;
  const finalOnHand = new Map(input.levels.map((l) => [key(l.locationId, l.sku), l.onHand]));

  // What each location sells: its own order of popularity over the SKUs it stocks (and some it sold out of).
  const assortment = new Map<string, string[]>();
  for (const location of [...stores, warehouse]) {
    const skus = input.levels.filter((l) => l.locationId === location && (l.onHand > 0 || random.chance(0.15)));
    const shuffled = skus.map((l) => ({ sku: l.sku, k: random.next() })).sort((a, b) => a.k - b.k);
    assortment.set(
      location,
      shuffled.map((x) => x.sku),
    );
  }

  const h: History = {
    orders: [],
    lines: [],
    events: [],
    holds: [],
    reservations: [],
    reservationLines: [],
    reservationEvents: [],
    returns: [],
    returnLines: [],
    returnEvents: [],
    movements: [],
    netOutflow: new Map(),
  };
  const restocked = new Map<string, number>();
  let orderNumber = input.firstOrderNumber;
  let returnNumber = input.firstReturnNumber;

  const move = (m: Movement) => {
    h.movements.push(m);
    const k = key(m.locationId, m.sku);
    h.netOutflow.set(k, (h.netOutflow.get(k) ?? 0) - m.onHandDelta);
  };
  const shopper = () => {
    const n = random.int(1, 900);
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    return {
      email: `${first.toLowerCase()}.${n}@example.org`.normalize("NFD").replace(/[^\x20-\x7e]/g, ""),
      name: `${first} ${last}`,
    };
  };
  const pickLines = (location: string) => {
    const skus = assortment.get(location)!;
    const count = random.chance(0.55) ? 1 : random.chance(0.7) ? 2 : 3;
    const chosen = new Set<string>();
    for (let i = 0; i < count && skus.length; i++) chosen.add(popular(random, skus));
    return [...chosen].map((sku) => ({ sku, quantity: random.chance(0.85) ? 1 : 2, variant: variantBySku.get(sku)! }));
  };
  // Compresses a chain of durations so that its last moment stays in the past.
  const fit = (start: number, steps: number[]) => {
    const total = steps.reduce((a, b) => a + b, 0);
    const room = latest - start;
    const factor = total > room ? Math.max(0.01, room / total) : 1;
    const out: number[] = [];
    let at = start;
    for (const step of steps) out.push((at += step * factor));
    return out;
  };

  const addOrder = (o: {
    at: number;
    channel: Channel;
    location: string;
    fulfillment: "pickup" | "delivery";
    lines: ReturnType<typeof pickLines>;
    who: { email: string; name: string };
    reservationId?: string;
  }) => {
    const id = uuidFrom(random);
    const lines: LineRow[] = o.lines.map((l) => ({
      id: uuidFrom(random),
      orderId: id,
      sku: l.sku,
      title: l.variant.title,
      quantity: l.quantity,
      unitPriceMinor: l.variant.priceMinor,
      declinedQuantity: 0,
    }));
    const subtotal = lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
    const discount = o.channel !== "store" && random.chance(0.12) ? Math.round(subtotal * 0.1) : 0;
    const order: OrderRow = {
      id,
      number: `OM-${orderNumber++}`,
      channel: o.channel,
      status: "placed",
      fulfillmentType: o.fulfillment,
      locationId: o.location,
      address:
        o.fulfillment === "delivery"
          ? { line1: `ul. Długa ${random.int(1, 120)}`, city: "Łódź", postalCode: "90-001", country: "PL" }
          : null,
      email: o.who.email,
      name: o.who.name,
      subtotalMinor: subtotal,
      discountMinor: discount,
      totalMinor: subtotal - discount,
      paymentMethod:
        o.channel === "store" || (o.fulfillment === "pickup" && random.chance(0.3)) ? "pay_in_store" : "card",
      paidMinor: 0,
      reservationId: o.reservationId ?? null,
      createdAt: new Date(o.at),
    };
    h.orders.push(order);
    h.lines.push(...lines);
    return { order, lines };
  };
  const event = (
    orderId: string,
    type: string,
    at: number,
    channel: Channel,
    from: OrderStatus | null,
    to: OrderStatus | null,
  ) => h.events.push({ orderId, type, fromStatus: from, toStatus: to, channel, at: new Date(at) });
  const hold = (
    ownerId: string,
    kind: "order" | "reservation",
    location: string,
    lines: { sku: string; quantity: number }[],
    at: number,
    releasedAt: number,
  ) => {
    for (const l of lines) {
      h.holds.push({
        locationId: location,
        sku: l.sku,
        quantity: l.quantity,
        kind,
        ownerId,
        createdAt: new Date(at),
        releasedAt: new Date(releasedAt),
      });
      move({
        at,
        locationId: location,
        sku: l.sku,
        reason: kind === "order" ? "order_hold" : "reservation_hold",
        onHandDelta: 0,
        heldDelta: l.quantity,
        refType: kind,
        refId: ownerId,
        note: "Held",
      });
    }
  };
  const maybeReturn = (order: OrderRow, lines: LineRow[], completedAt: number) => {
    if (!random.chance(0.085)) return;
    const line = lines.find((l) => l.quantity > (l.declinedQuantity ?? 0));
    if (!line) return;
    const created = completedAt + random.int(1, 20) * DAY + random.int(0, 10) * HOUR;
    const received = created + random.int(1, 5) * DAY;
    if (received > latest) return;
    const id = uuidFrom(random);
    const number = `RT-${returnNumber++}`;
    const quantity = 1;
    const inStore = order.fulfillmentType === "pickup" || random.chance(0.3);
    const store = inStore ? (order.fulfillmentType === "pickup" ? order.locationId : random.pick(stores)) : warehouse;
    const reason = random.pick(reasons);
    const k = key(store, line.sku);
    // A resellable unit goes back on the shelf; keep the shelf's history consistent with today's stock.
    const resellable = reason !== "damaged" && (restocked.get(k) ?? 0) + quantity <= (finalOnHand.get(k) ?? 0);
    if (resellable) restocked.set(k, (restocked.get(k) ?? 0) + quantity);
    const refund = Math.round(
      (line.unitPriceMinor * quantity * (order.totalMinor ?? 0)) / Math.max(1, order.subtotalMinor ?? 1),
    );
    h.returns.push({
      id,
      number,
      orderId: order.id,
      status: "refunded",
      channel: order.channel === "store" ? "store" : random.chance(0.7) ? "web" : "kiosk",
      method: inStore ? "in_store" : "mail",
      storeId: inStore ? store : null,
      receivedStoreId: store,
      refundTo: random.chance(0.8) ? "original" : "store_credit",
      refundMinor: refund,
      email: order.email,
      createdAt: new Date(created),
      receivedAt: new Date(received),
      refundedAt: new Date(received),
    });
    h.returnLines.push({
      returnId: id,
      orderLineId: line.id,
      quantity,
      reason,
      condition: resellable ? "resellable" : "damaged",
    });
    h.returnEvents.push(
      { returnId: id, type: "requested", toStatus: "requested", channel: "web", at: new Date(created) },
      {
        returnId: id,
        type: "received",
        fromStatus: "requested",
        toStatus: "received",
        channel: "store",
        at: new Date(received),
      },
      {
        returnId: id,
        type: "refunded",
        fromStatus: "received",
        toStatus: "refunded",
        channel: "store",
        at: new Date(received),
      },
    );
    const ref = { refType: "return", refId: number, locationId: store, sku: line.sku };
    move({
      ...ref,
      at: received,
      reason: "return_restock",
      onHandDelta: quantity,
      heldDelta: 0,
      note: `Return ${number}: ${resellable ? "resellable" : "damaged"}`,
    });
    if (!resellable)
      move({
        ...ref,
        at: received,
        reason: "return_writeoff",
        onHandDelta: -quantity,
        heldDelta: 0,
        note: `Return ${number}: damaged, written off`,
      });
  };

  const start = Math.floor(now / DAY) * DAY - input.days * DAY;
  const clickAndCollect = (at: number, channel: Channel, store: string) => {
    const { order, lines } = addOrder({
      at,
      channel,
      location: store,
      fulfillment: "pickup",
      lines: pickLines(store),
      who: shopper(),
    });
    event(order.id, "placed", at, channel, null, "placed");
    // Busy days and evenings take longer to pick.
    const readyHours =
      (random.next() < 0.7 ? 0.5 + random.next() * 5 : 4 + random.next() * 26) *
      (new Date(at).getUTCDay() === 6 ? 1.3 : 1);
    const roll = random.next();
    const fate =
      roll < 0.04 ? "cancelled" : roll < 0.11 && at + 8 * DAY + readyHours * HOUR < latest ? "expired" : "collected";
    if (fate === "cancelled") {
      const [cancelAt] = fit(at, [random.int(1, 20) * HOUR]);
      event(order.id, "cancelled", cancelAt!, "store", "placed", "cancelled");
      hold(order.id, "order", store, lines, at, cancelAt!);
      for (const l of lines)
        move({
          at: cancelAt!,
          locationId: store,
          sku: l.sku,
          reason: "order_release",
          onHandDelta: 0,
          heldDelta: -l.quantity,
          refType: "order",
          refId: order.id,
          note: `Released ${order.number}`,
        });
      Object.assign(order, { status: "cancelled", completedAt: new Date(cancelAt!) });
      return;
    }
    const waitHours =
      fate === "expired" ? 7 * 24 + 0.2 : random.next() < 0.6 ? 2 + random.next() * 30 : 30 + random.next() * 100;
    const [pickAt, readyAt, endAt] = fit(at, [readyHours * 0.3 * HOUR, readyHours * 0.7 * HOUR, waitHours * HOUR]);
    event(order.id, "picking", pickAt!, "store", "placed", "picking");
    event(order.id, "ready_for_pickup", readyAt!, "store", "picking", "ready_for_pickup");
    hold(order.id, "order", store, lines, at, endAt!);
    const deadline = readyAt! + 7 * DAY;
    if (fate === "expired") {
      event(order.id, "expired", endAt!, "store", "ready_for_pickup", "expired");
      for (const l of lines)
        move({
          at: endAt!,
          locationId: store,
          sku: l.sku,
          reason: "order_release",
          onHandDelta: 0,
          heldDelta: -l.quantity,
          refType: "order",
          refId: order.id,
          note: `Not collected: ${order.number}`,
        });
      Object.assign(order, {
        status: "expired",
        readyAt: new Date(readyAt!),
        pickupDeadline: new Date(deadline),
        completedAt: new Date(endAt!),
      });
      return;
    }
    const checkedInAt = random.chance(0.35) ? endAt! - 5 * 60_000 : null;
    if (checkedInAt) event(order.id, "checked_in", checkedInAt, "kiosk", "ready_for_pickup", "ready_for_pickup");
    // Now and then a shopper refuses an item at the counter: it goes back on the shelf and is refunded.
    const declined = lines.length > 1 && random.chance(0.1) ? lines[lines.length - 1]! : null;
    if (declined) declined.declinedQuantity = declined.quantity;
    event(order.id, "collected", endAt!, "store", "ready_for_pickup", "collected");
    if (declined)
      h.events.push({
        orderId: order.id,
        type: "lines_declined",
        fromStatus: "collected",
        toStatus: "collected",
        channel: "store",
        data: { lines: [{ lineId: declined.id, sku: declined.sku, quantity: declined.quantity }] },
        at: new Date(endAt!),
      });
    for (const l of lines) {
      if (l === declined)
        move({
          at: endAt!,
          locationId: store,
          sku: l.sku,
          reason: "order_release",
          onHandDelta: 0,
          heldDelta: -l.quantity,
          refType: "order",
          refId: order.id,
          note: `Declined at pickup of ${order.number}`,
        });
      else
        move({
          at: endAt!,
          locationId: store,
          sku: l.sku,
          reason: "order_fulfilled",
          onHandDelta: -l.quantity,
          heldDelta: -l.quantity,
          refType: "order",
          refId: order.id,
          note: `Collected ${order.number}`,
        });
    }
    const kept = lines.filter((l) => l !== declined).reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
    const paid = Math.round((kept * (order.totalMinor ?? 0)) / Math.max(1, order.subtotalMinor ?? 1));
    Object.assign(order, {
      status: "collected",
      readyAt: new Date(readyAt!),
      pickupDeadline: new Date(deadline),
      checkedInAt: checkedInAt ? new Date(checkedInAt) : null,
      completedAt: new Date(endAt!),
      paidMinor: paid,
    });
    maybeReturn(order, lines, endAt!);
  };
  const delivery = (at: number) => {
    const { order, lines } = addOrder({
      at,
      channel: "web",
      location: warehouse,
      fulfillment: "delivery",
      lines: pickLines(warehouse),
      who: shopper(),
    });
    event(order.id, "placed", at, "web", null, "placed");
    if (random.chance(0.03)) {
      const [cancelAt] = fit(at, [random.int(1, 6) * HOUR]);
      event(order.id, "cancelled", cancelAt!, "store", "placed", "cancelled");
      hold(order.id, "order", warehouse, lines, at, cancelAt!);
      for (const l of lines)
        move({
          at: cancelAt!,
          locationId: warehouse,
          sku: l.sku,
          reason: "order_release",
          onHandDelta: 0,
          heldDelta: -l.quantity,
          refType: "order",
          refId: order.id,
          note: `Released ${order.number}`,
        });
      Object.assign(order, { status: "cancelled", completedAt: new Date(cancelAt!) });
      return;
    }
    const [shipAt, deliverAt] = fit(at, [(3 + random.next() * 30) * HOUR, (20 + random.next() * 50) * HOUR]);
    event(order.id, "shipped", shipAt!, "store", "placed", "shipped");
    event(order.id, "delivered", deliverAt!, "store", "shipped", "delivered");
    hold(order.id, "order", warehouse, lines, at, shipAt!);
    for (const l of lines)
      move({
        at: shipAt!,
        locationId: warehouse,
        sku: l.sku,
        reason: "order_fulfilled",
        onHandDelta: -l.quantity,
        heldDelta: -l.quantity,
        refType: "order",
        refId: order.id,
        note: `Shipped ${order.number}`,
      });
    Object.assign(order, { status: "delivered", paidMinor: order.totalMinor, completedAt: new Date(deliverAt!) });
    maybeReturn(order, lines, deliverAt!);
  };
  const reservation = (at: number, channel: Channel, store: string) => {
    const id = uuidFrom(random);
    const who = shopper();
    const lines = pickLines(store).slice(0, 2);
    const code = Array.from({ length: 8 }, () => random.pick([...CODE_ALPHABET])).join("");
    const expiresAt = at + 48 * HOUR;
    const roll = random.next();
    const fate = roll < 0.58 ? "fulfilled" : roll < 0.86 ? "expired" : "cancelled";
    const [closeAt] = fate === "expired" ? fit(at, [48 * HOUR]) : fit(at, [(1 + random.next() * 40) * HOUR]);
    h.reservations.push({
      id,
      code,
      storeId: store,
      status: fate,
      channel,
      email: who.email,
      name: who.name,
      expiresAt: new Date(expiresAt),
      createdAt: new Date(at),
      closedAt: new Date(closeAt!),
    });
    h.reservationLines.push(
      ...lines.map((l) => ({
        reservationId: id,
        sku: l.sku,
        title: l.variant.title,
        quantity: l.quantity,
        unitPriceMinor: l.variant.priceMinor,
      })),
    );
    h.reservationEvents.push({ reservationId: id, type: "created", channel, at: new Date(at) });
    hold(id, "reservation", store, lines, at, closeAt!);
    if (fate !== "fulfilled") {
      h.reservationEvents.push({
        reservationId: id,
        type: fate,
        channel: fate === "expired" ? "store" : channel,
        at: new Date(closeAt!),
      });
      for (const l of lines)
        move({
          at: closeAt!,
          locationId: store,
          sku: l.sku,
          reason: fate === "expired" ? "reservation_expired" : "reservation_release",
          onHandDelta: 0,
          heldDelta: -l.quantity,
          refType: "reservation",
          refId: id,
          note: fate === "expired" ? "Reservation lapsed" : "Cancelled by the shopper",
        });
      return;
    }
    // Sold over the counter: an order of channel `store`, collected and paid at once.
    const { order, lines: sold } = addOrder({
      at: closeAt!,
      channel: "store",
      location: store,
      fulfillment: "pickup",
      lines,
      who,
      reservationId: id,
    });
    Object.assign(order, { status: "collected", paidMinor: order.totalMinor, completedAt: new Date(closeAt!) });
    h.reservations[h.reservations.length - 1]!.orderId = order.id;
    event(order.id, "placed", closeAt!, "store", null, "placed");
    event(order.id, "collected", closeAt!, "store", "placed", "collected");
    h.reservationEvents.push({ reservationId: id, type: "fulfilled", channel: "store", at: new Date(closeAt!) });
    for (const l of lines)
      move({
        at: closeAt!,
        locationId: store,
        sku: l.sku,
        reason: "reservation_sold",
        onHandDelta: -l.quantity,
        heldDelta: -l.quantity,
        refType: "reservation",
        refId: id,
        note: `Sold as ${order.number}`,
      });
    maybeReturn(order, sold, closeAt!);
  };

  for (let d = 0; d < input.days; d++) {
    const dayStart = start + d * DAY;
    // A gentle growth over the months, the weekly rhythm, and some noise.
    const level = (0.8 + (0.4 * d) / input.days) * weekday[new Date(dayStart).getUTCDay()]!;
    // Opening hours, Warsaw time ≈ UTC+1: most orders between 8:00 and 20:00 UTC.
    const moment = () => dayStart + (7 + random.next() * 14) * HOUR;
    const times = (mean: number) => Math.max(0, Math.round(mean * level * (0.7 + random.next() * 0.6)));
    stores.forEach((store, i) => {
      const size = [1.3, 1.5, 0.9, 1, 0.8][i % 5]!;
      for (let n = times(2.6 * size); n--;) clickAndCollect(moment(), "web", store);
      for (let n = times(1.6 * size); n--;) clickAndCollect(moment(), "kiosk", store);
      for (let n = times(1.4 * size); n--;) reservation(moment(), random.chance(0.75) ? "web" : "kiosk", store);
    });
    for (let n = times(6); n--;) delivery(moment());
  }

  // Orders are numbered in the order they were placed, as the sequence would have numbered them.
  h.orders.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  h.orders.forEach((o, i) => (o.number = `OM-${input.firstOrderNumber + i}`));
  h.movements.sort((a, b) => a.at - b.at);
  return h;
}
