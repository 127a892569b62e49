import { sql } from "drizzle-orm";

import { bulkInsert } from "../bulk-insert";
import type { Database, Tx } from "../client";
import { hashPassword, hashToken } from "../password";
import * as s from "../schema";
import { generateCatalog, seedCategories, stockPatternFor } from "./catalog";
import { buildHistory } from "./history";
import { seedLockers } from "./lockers";
import { createRandom, type Random } from "./random";
import { onlineWarehouse, seedLocations } from "./stores";

export const demoAccounts = [
  {
    email: "ada@example.com",
    password: "demo-shopper",
    name: "Ada Nowak",
    role: "customer" as const,
    stores: [] as string[],
  },
  {
    email: "ola@example.com",
    password: "demo-staff",
    name: "Ola Kowalska",
    role: "associate" as const,
    stores: ["krakow"],
  },
  {
    email: "max@example.com",
    password: "demo-manager",
    name: "Max Wiśniewski",
    role: "manager" as const,
    stores: ["warszawa"],
  },
  { email: "admin@example.com", password: "demo-admin", name: "Admin", role: "admin" as const, stores: [] as string[] },
];

export const storeIds = seedLocations.map((l) => l.id);

/** Loads the development seed of the API contract. Deterministic: the same call gives the same data. */
export async function seedDemo(
  db: Database,
  options: { perCategory?: number; historyDays?: number; now?: Date } = {},
): Promise<void> {
  const random = createRandom(7);
  // Costs and history draw from their own generator, so that the catalogue and stock stay as they were.
  const trade = createRandom(17);
  await db.transaction(async (tx) => {
    await tx.insert(s.locations).values([...seedLocations, onlineWarehouse]);
    await tx.insert(s.settings).values([
      { key: "return_window_days", value: 30 },
      { key: "pickup_reminder_hours", value: 24 },
      { key: "reservation_reminder_hours", value: 6 },
      { key: "delivery_fees", value: { courierMinor: 1499, lockerMinor: 999, freeFromMinor: 19900 } },
      // Replenishment: the cycle service level of the safety stock, supplier lead time and review period.
      { key: "forecast_service_level", value: 0.95 },
      { key: "forecast_lead_time_days", value: 7 },
      { key: "forecast_review_days", value: 7 },
    ]);
    await tx.insert(s.parcelLockers).values(seedLockers);
    await tx.insert(s.categories).values(
      seedCategories.map((c, position) => ({
        slug: c.slug,
        name: c.name,
        namePl: c.namePl,
        finalSale: !!c.finalSale,
        position,
      })),
    );

    const catalog = generateCatalog(options.perCategory);
    const inserted = await tx
      .insert(s.products)
      .values(catalog.map(({ variants: _v, ...p }) => p))
      .returning({ id: s.products.id, slug: s.products.slug });
    const idBySlug = new Map(inserted.map((p) => [p.slug, p.id]));

    // Most variants have a known unit cost (35–60% of the price); some do not (bought in before costs were kept).
    const variantRows = catalog.flatMap((p) =>
      p.variants.map((v) => ({
        ...v,
        productId: idBySlug.get(p.slug)!,
        unitCostMinor: trade.chance(0.08) ? null : Math.round((v.priceMinor * trade.int(35, 60)) / 100),
      })),
    );
    await bulkInsert(tx, s.variants, variantRows);

    const levels: (typeof s.stockLevels.$inferInsert)[] = [];
    catalog.forEach((product, index) => {
      const pattern = stockPatternFor(index);
      const oneStore = storeIds[index % storeIds.length];
      for (const variant of product.variants) {
        const soldOutVariant = random.chance(0.08);
        for (const location of [...storeIds, "online"]) {
          let onHand: number;
          switch (pattern) {
            case "out_everywhere":
              onHand = 0;
              break;
            case "online_only":
              onHand = location === "online" ? random.int(5, 40) : 0;
              break;
            case "one_store":
              onHand = location === oneStore ? random.int(1, 6) : 0;
              break;
            case "low":
              onHand = random.chance(0.6) ? random.int(1, 3) : 0;
              break;
            default:
              onHand = soldOutVariant
                ? 0
                : location === "online"
                  ? random.int(10, 80)
                  : random.chance(0.2)
                    ? 0
                    : random.int(1, 15);
          }
          const aisle = location === "online" ? null : `${String.fromCharCode(65 + (index % 8))}${1 + (index % 12)}`;
          levels.push({ locationId: location, sku: variant.sku, onHand, held: 0, safetyStock: 0, aisle });
        }
      }
    });
    await bulkInsert(tx, s.stockLevels, levels);
    await seedHistory(tx, {
      random: trade,
      now: options.now ?? new Date(),
      days: options.historyDays ?? 120,
      levels: levels.map((l) => ({ locationId: l.locationId, sku: l.sku, onHand: l.onHand ?? 0 })),
      variants: catalog.flatMap((p) =>
        p.variants.map((v) => ({ sku: v.sku, title: `${p.title} – ${v.title}`, priceMinor: v.priceMinor })),
      ),
    });
    // The bestsellers of that history, as the worker's recommendations sweep keeps them from then on.
    await tx.execute(sql`insert into product_sales (product_id, sold)
      select v.product_id, sum(ol.quantity - ol.declined_quantity)::int
      from order_lines ol join orders o on o.id = ol.order_id join variants v on v.sku = ol.sku
      where o.status not in ('cancelled', 'expired') group by v.product_id`);

    for (const account of demoAccounts) {
      const [user] = await tx
        .insert(s.users)
        .values({
          email: account.email,
          name: account.name,
          role: account.role,
          passwordHash: await hashPassword(account.password),
          // The demo's people own their (made-up) addresses: staff must be verified to be staff.
          emailVerified: new Date(),
        })
        .returning({ id: s.users.id });
      if (account.stores.length)
        await tx.insert(s.staffAssignments).values(account.stores.map((storeId) => ({ userId: user!.id, storeId })));
    }

    await tx.insert(s.kioskDevices).values(
      storeIds.map((storeId) => ({
        storeId,
        name: `Kiosk 1 · ${seedLocations.find((l) => l.id === storeId)!.city}`,
        tokenHash: hashToken(`dev-kiosk-${storeId}`),
      })),
    );

    const year = new Date().getUTCFullYear();
    await tx.insert(s.promotions).values([
      {
        name: "Winter accessories −20%",
        namePl: "Zimowe dodatki −20%",
        kind: "percent",
        value: 20,
        categorySlug: "accessories",
        startsAt: new Date(Date.UTC(year - 1, 0, 1)),
        endsAt: new Date(Date.UTC(year + 5, 0, 1)),
      },
      {
        name: "Welcome code: 10% off",
        namePl: "Kod powitalny: 10% taniej",
        kind: "percent",
        value: 10,
        code: "WELCOME10",
        startsAt: new Date(Date.UTC(year - 1, 0, 1)),
        endsAt: new Date(Date.UTC(year + 5, 0, 1)),
      },
    ]);
  });
}

/**
 * Opening stock and months of trade. The opening stock of each shelf is today's stock plus what the history
 * took from it, and every movement carries its running before/after, so the ledger adds up to today's stock.
 */
async function seedHistory(
  tx: Tx,
  input: {
    random: Random;
    now: Date;
    days: number;
    levels: { locationId: string; sku: string; onHand: number }[];
    variants: { sku: string; title: string; priceMinor: number }[];
  },
) {
  const history = buildHistory({
    ...input,
    stores: storeIds,
    warehouse: onlineWarehouse.id,
    firstOrderNumber: 100001,
    firstReturnNumber: 500001,
  });
  const openedAt = new Date(Math.floor(input.now.getTime() / 86_400_000 - input.days - 1) * 86_400_000);
  const running = new Map<string, { onHand: number; held: number }>();
  const opening = input.levels
    .map((l) => ({ ...l, onHand: l.onHand + (history.netOutflow.get(`${l.locationId}|${l.sku}`) ?? 0) }))
    .filter((l) => l.onHand > 0);
  for (const l of input.levels) running.set(`${l.locationId}|${l.sku}`, { onHand: 0, held: 0 });
  const movements: (typeof s.stockMovements.$inferInsert)[] = opening.map((l) => {
    running.set(`${l.locationId}|${l.sku}`, { onHand: l.onHand, held: 0 });
    return {
      locationId: l.locationId,
      sku: l.sku,
      reason: "seed" as const,
      note: "Opening stock",
      onHandDelta: l.onHand,
      onHandBefore: 0,
      onHandAfter: l.onHand,
      heldBefore: 0,
      heldAfter: 0,
      createdAt: openedAt,
    };
  });
  for (const m of history.movements) {
    const state = running.get(`${m.locationId}|${m.sku}`) ?? { onHand: 0, held: 0 };
    const before = { ...state };
    state.onHand += m.onHandDelta;
    state.held += m.heldDelta;
    running.set(`${m.locationId}|${m.sku}`, state);
    movements.push({
      locationId: m.locationId,
      sku: m.sku,
      reason: m.reason,
      note: m.note,
      onHandDelta: m.onHandDelta,
      heldDelta: m.heldDelta,
      onHandBefore: before.onHand,
      onHandAfter: state.onHand,
      heldBefore: before.held,
      heldAfter: state.held,
      refType: m.refType,
      refId: m.refId,
      createdAt: new Date(m.at),
    });
  }
  await bulkInsert(tx, s.stockMovements, movements);
  await bulkInsert(tx, s.orders, history.orders);
  await bulkInsert(tx, s.orderLines, history.lines);
  await bulkInsert(tx, s.orderEvents, history.events);
  await bulkInsert(tx, s.stockHolds, history.holds);
  await bulkInsert(tx, s.reservations, history.reservations);
  await bulkInsert(tx, s.reservationLines, history.reservationLines);
  await bulkInsert(tx, s.reservationEvents, history.reservationEvents);
  await bulkInsert(tx, s.returns, history.returns);
  await bulkInsert(tx, s.returnLines, history.returnLines);
  await bulkInsert(tx, s.returnEvents, history.returnEvents);
  // The live sequences carry on after the history's numbers.
  await tx.execute(sql`select setval('order_number_seq', ${100000 + history.orders.length})`);
  if (history.returns.length)
    await tx.execute(sql`select setval('return_number_seq', ${500000 + history.returns.length})`);
}

/** Whether the database already holds the seed, so that starting twice loads it once. */
export async function isSeeded(db: Database): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from locations`);
  return (rows[0]?.n ?? 0) > 0;
}
