import { sql } from "drizzle-orm";

import type { Database } from "../client";
import { hashPassword, hashToken } from "../password";
import * as s from "../schema";
import { generateCatalog, seedCategories, stockPatternFor } from "./catalog";
import { createRandom } from "./random";
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

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Loads the development seed of the API contract. Deterministic: the same call gives the same data. */
export async function seedDemo(db: Database, options: { perCategory?: number } = {}): Promise<void> {
  const random = createRandom(7);
  await db.transaction(async (tx) => {
    await tx.insert(s.locations).values([...seedLocations, onlineWarehouse]);
    await tx.insert(s.settings).values([
      { key: "return_window_days", value: 30 },
      { key: "pickup_reminder_hours", value: 24 },
      { key: "reservation_reminder_hours", value: 6 },
    ]);
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

    const variantRows = catalog.flatMap((p) => p.variants.map((v) => ({ ...v, productId: idBySlug.get(p.slug)! })));
    for (const part of chunk(variantRows, 1000)) await tx.insert(s.variants).values(part);

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
    for (const part of chunk(levels, 2000)) await tx.insert(s.stockLevels).values(part);
    const movements = levels
      .filter((l) => (l.onHand ?? 0) > 0)
      .map((l) => ({
        locationId: l.locationId,
        sku: l.sku,
        reason: "seed" as const,
        note: "Opening stock",
        onHandDelta: l.onHand!,
        onHandBefore: 0,
        onHandAfter: l.onHand!,
        heldBefore: 0,
        heldAfter: 0,
      }));
    for (const part of chunk(movements, 2000)) await tx.insert(s.stockMovements).values(part);

    for (const account of demoAccounts) {
      const [user] = await tx
        .insert(s.users)
        .values({
          email: account.email,
          name: account.name,
          role: account.role,
          passwordHash: await hashPassword(account.password),
        })
        .returning({ id: s.users.id });
      if (account.stores.length)
        await tx.insert(s.staffAssignments).values(account.stores.map((storeId) => ({ userId: user!.id, storeId })));
    }

    await tx.insert(s.kioskDevices).values(
      storeIds.map((storeId) => ({
        storeId,
        name: `Kiosk ${storeId} 1`,
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

/** Whether the database already holds the seed, so that starting twice loads it once. */
export async function isSeeded(db: Database): Promise<boolean> {
  const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from locations`);
  return (rows[0]?.n ?? 0) > 0;
}
