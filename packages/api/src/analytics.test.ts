import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { crostonSba, recomputeForecasts, refreshAnalytics } from "@omni/domain/analytics";
import { sweeps } from "@omni/domain/worker";

import { callerFor, type Who } from "./testing";

/**
 * KPIs over a fixed fixture of orders in a store of their own ("lab"), a year before the demo history, so that
 * every figure can be worked out by hand. Warsaw is UTC+1 in early March 2025.
 */
const t = await createTestDatabase();
afterAll(() => t.close());

const admin: Who = { email: "admin@example.com" };
const manager: Who = { email: "max@example.com" }; // manager in warszawa
const period = { from: "2025-03-03", to: "2025-03-09" };
let X = "";
let Y = "";

type Fixture = {
  n: string;
  channel: "web" | "kiosk" | "store";
  type?: "pickup" | "delivery";
  location?: string;
  status: string;
  total: number;
  at: string;
  readyHours?: number;
  lines: { sku: () => string; quantity: number; price: number; declined?: number; returned?: [number, string] }[];
};

async function insertOrder(o: Fixture) {
  const created = new Date(o.at);
  const ready = o.readyHours === undefined ? null : new Date(created.getTime() + o.readyHours * 3_600_000);
  const [order] = await t.sql`
    insert into orders (number, channel, status, fulfillment_type, location_id, email, name, subtotal_minor, total_minor,
                        payment_method, ready_at, created_at)
    values (${`LAB-${o.n}`}, ${o.channel}, ${o.status}, ${o.type ?? "pickup"}, ${o.location ?? "lab"}, 'lab@example.org',
            'Lab', ${o.total}, ${o.total}, 'card', ${ready?.toISOString() ?? null}, ${created.toISOString()})
    returning id`;
  for (const l of o.lines) {
    const [line] = await t.sql`
      insert into order_lines (order_id, sku, title, quantity, unit_price_minor, declined_quantity)
      values (${order!.id}, ${l.sku()}, 'Lab item', ${l.quantity}, ${l.price}, ${l.declined ?? 0}) returning id`;
    if (l.returned) {
      const [ret] = await t.sql`
        insert into returns (number, order_id, status, channel, method, refund_to, refund_minor, email, created_at)
        values (${`RT-LAB-${o.n}`}, ${order!.id}, 'refunded', ${o.channel}, 'mail', 'original', 0, 'lab@example.org', ${created.toISOString()})
        returning id`;
      await t.sql`insert into return_lines (return_id, order_line_id, quantity, reason)
                  values (${ret!.id}, ${line!.id}, ${l.returned[0]}, ${l.returned[1]})`;
    }
  }
}

beforeAll(async () => {
  const skus = await t.sql`select sku from variants order by sku limit 2`;
  X = skus[0]!.sku;
  Y = skus[1]!.sku;
  await t.sql`insert into locations (id, name, city, type, pickup, reservations, returns)
              values ('lab', 'Omni Lab', 'Testowo', 'store', true, true, true)`;
  await t.sql`update variants set unit_cost_minor = 4000 where sku = ${X}`;
  await t.sql`update variants set unit_cost_minor = null where sku = ${Y}`;
  await t.sql`insert into stock_levels (location_id, sku, on_hand) values ('lab', ${X}, 10), ('lab', ${Y}, 5)`;
  const x = () => X;
  const y = () => Y;
  const fixtures: Fixture[] = [
    // A: web pickup, ready in 2 h, collected.
    {
      n: "A",
      channel: "web",
      status: "collected",
      total: 10000,
      at: "2025-03-03T09:00:00Z",
      readyHours: 2,
      lines: [{ sku: x, quantity: 1, price: 10000 }],
    },
    // B: web pickup, ready in 4 h, collected; the 120.00 line declined at the counter.
    {
      n: "B",
      channel: "web",
      status: "collected",
      total: 20000,
      at: "2025-03-04T10:00:00Z",
      readyHours: 4,
      lines: [
        { sku: x, quantity: 1, price: 12000, declined: 1 },
        { sku: y, quantity: 1, price: 8000 },
      ],
    },
    // C: kiosk pickup, ready in 10 h, never collected.
    {
      n: "C",
      channel: "kiosk",
      status: "expired",
      total: 5000,
      at: "2025-03-05T08:00:00Z",
      readyHours: 10,
      lines: [{ sku: y, quantity: 1, price: 5000 }],
    },
    // D: kiosk pickup, ready in 1 h, collected; one of two units returned (wrong size).
    {
      n: "D",
      channel: "kiosk",
      status: "collected",
      total: 6000,
      at: "2025-03-06T12:00:00Z",
      readyHours: 1,
      lines: [{ sku: y, quantity: 2, price: 3000, returned: [1, "wrong_size"] }],
    },
    // E: web pickup cancelled before it was ready.
    {
      n: "E",
      channel: "web",
      status: "cancelled",
      total: 3000,
      at: "2025-03-07T11:00:00Z",
      lines: [{ sku: y, quantity: 1, price: 3000 }],
    },
    // F: web home delivery from the warehouse, returned damaged.
    {
      n: "F",
      channel: "web",
      type: "delivery",
      location: "online",
      status: "delivered",
      total: 15000,
      at: "2025-03-08T13:00:00Z",
      lines: [{ sku: y, quantity: 1, price: 15000, returned: [1, "damaged"] }],
    },
    // G: a reservation sold at the counter (channel store).
    {
      n: "G",
      channel: "store",
      status: "collected",
      total: 7000,
      at: "2025-03-09T15:00:00Z",
      lines: [{ sku: x, quantity: 1, price: 7000 }],
    },
    // H: the week before (the previous period): a web pickup.
    {
      n: "H",
      channel: "web",
      status: "collected",
      total: 9000,
      at: "2025-02-25T10:00:00Z",
      readyHours: 3,
      lines: [{ sku: x, quantity: 1, price: 9000 }],
    },
    // 23:30 UTC on Sunday 9 March is 00:30 on Monday 10 March in Warsaw: outside the period.
    {
      n: "I",
      channel: "web",
      status: "collected",
      total: 99900,
      at: "2025-03-09T23:30:00Z",
      readyHours: 1,
      lines: [{ sku: x, quantity: 1, price: 99900 }],
    },
  ];
  for (const f of fixtures) await insertOrder(f);
  for (const [code, channel, status, at] of [
    ["LAB1", "web", "fulfilled", "2025-03-03T10:00:00Z"],
    ["LAB2", "kiosk", "expired", "2025-03-05T10:00:00Z"],
    ["LAB3", "web", "cancelled", "2025-03-06T10:00:00Z"],
    ["LAB4", "web", "fulfilled", "2025-03-08T10:00:00Z"],
  ] as const) {
    await t.sql`insert into reservations (code, store_id, status, channel, email, name, expires_at, created_at)
                values (${code}, 'lab', ${status}, ${channel}, 'lab@example.org', 'Lab', ${at}, ${at})`;
  }
  await refreshAnalytics(t.db, { full: true });
});

describe("analytics.kpis over a fixed fixture", () => {
  it("gives the chain's numbers per channel, worked out by hand", async () => {
    const api = await callerFor(t.db, admin, "admin");
    const k = await api.analytics.kpis(period);
    const web = k.byChannel.find((c) => c.channel === "web")!;
    const kiosk = k.byChannel.find((c) => c.channel === "kiosk")!;
    const store = k.byChannel.find((c) => c.channel === "store")!;
    // web: A, B, E, F placed; A, B, F sold: 100.00 + (200.00 − 120.00 declined) + 150.00 = 330.00, 110.00 each;
    // units A 1 + B 1 + F 1 = 3, F's returned → 1/3.
    expect(web).toMatchObject({ orders: 4, revenueMinor: 33000, averageOrderMinor: 11000, unitsSold: 3 });
    expect(web.returnRate).toBeCloseTo(1 / 3, 12);
    // kiosk: C expired, D sold 60.00 for 2 units, 1 returned → 1/2.
    expect(kiosk).toMatchObject({
      orders: 2,
      revenueMinor: 6000,
      averageOrderMinor: 6000,
      unitsSold: 2,
      returnRate: 0.5,
    });
    expect(store).toMatchObject({ orders: 1, revenueMinor: 7000, averageOrderMinor: 7000, returnRate: 0 });
    // 7 orders, 5 sold for 460.00 → 92.00 average; 2 of 6 units returned.
    expect(k.totals).toMatchObject({
      orders: 7,
      revenueMinor: 46000,
      averageOrderMinor: 9200,
      unitsSold: 6,
      ordersExpired: 1,
      ordersCancelled: 1,
      linesDeclined: 1,
    });
    expect(k.totals.returnRate).toBeCloseTo(1 / 3, 12);
    // Click and collect = web and kiosk pickups A–E: 5 of 7; ready A–D (4), collected A, B, D → 3/4;
    // hours to ready 2, 4, 10, 1 → median of 1, 2, 4, 10 = 3.
    expect(k.clickAndCollect.orders).toBe(5);
    expect(k.clickAndCollect.share).toBeCloseTo(5 / 7, 12);
    expect(k.clickAndCollect).toMatchObject({ ready: 4, collected: 3, collectedRate: 0.75, medianHoursToReady: 3 });
    expect(k.reservations).toMatchObject({ created: 4, fulfilled: 2, fulfilledRate: 0.5 });
    expect(k.returns.byReason).toEqual(
      expect.arrayContaining([
        { channel: "web", reason: "damaged", units: 1, rate: 1 / 3 },
        { channel: "kiosk", reason: "wrong_size", units: 1, rate: 0.5 },
      ]),
    );
    expect(k.loyaltyShare).toBeNull();
    // The previous seven days hold H alone.
    expect(k.previousPeriod).toEqual({ from: "2025-02-24", to: "2025-03-02" });
    expect(k.previous).toMatchObject({ orders: 1, revenueMinor: 9000 });
    expect(k.previous.clickAndCollect.medianHoursToReady).toBe(3);
    expect(web.previous).toMatchObject({ orders: 1, revenueMinor: 9000 });
    // Day by day, on Warsaw days.
    expect(k.daily.map((d) => d.orders)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(k.daily[6]).toMatchObject({ day: "2025-03-09", store: 1, web: 0, revenueMinor: 7000 });
    // Store by store: the lab and the warehouse.
    expect(k.byStore.map((s) => [s.storeId, s.orders, s.revenueMinor])).toEqual([
      ["lab", 6, 31000],
      ["online", 1, 15000],
    ]);
  });

  it("gives one store's numbers with sell-through, turnover and GMROI from its stock at cost", async () => {
    const api = await callerFor(t.db, admin, "admin");
    const k = await api.analytics.kpis({ storeId: "lab", ...period });
    // A, B, C, D, E, G: 6 orders, 5 click and collect; sold A 100.00, B 80.00, D 60.00, G 70.00 → 310.00 / 4.
    expect(k.totals).toMatchObject({ orders: 6, revenueMinor: 31000, averageOrderMinor: 7750, unitsSold: 5 });
    expect(k.clickAndCollect.share).toBeCloseTo(5 / 6, 12);
    expect(k.byStore).toEqual([]);
    // Stock: 10 × X (cost 40.00) + 5 × Y (no cost) = 15 units, 400.00 at cost. Sold 5 → sell-through 5/20.
    expect(k.stock).toMatchObject({ onHandUnits: 15, inventoryCostMinor: 40000, sellThrough: 0.25 });
    expect(k.stock.stockTurnover).toBeCloseTo((5 / 15) * (365 / 7), 9);
    // X sold twice with a known cost (A at 100.00, G at 70.00): margin 170.00 − 2 × 40.00 = 90.00 over 400.00,
    // at this week's pace for a year: 0.225 × 365/7 = 11.73.
    expect(k.stock.grossMarginMinor).toBe(9000);
    expect(k.stock.gmroi).toBeCloseTo(11.732142857142858, 9);
  });

  it("refuses a period that ends before it starts, and an unknown store", async () => {
    const api = await callerFor(t.db, admin, "admin");
    await expect(api.analytics.kpis({ from: "2025-03-09", to: "2025-03-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.analytics.kpis({ from: "not a date", to: "2025-03-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(api.analytics.kpis({ storeId: "atlantis", ...period })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("follows new orders once the worker refreshes", async () => {
    const api = await callerFor(t.db, admin, "admin");
    await insertOrder({
      n: "J",
      channel: "kiosk",
      status: "collected",
      total: 4000,
      at: "2025-03-04T12:00:00Z",
      readyHours: 6,
      lines: [{ sku: () => Y, quantity: 1, price: 4000 }],
    });
    await t.sql`insert into order_events (order_id, type, to_status, channel) select id, 'placed', 'placed', 'kiosk' from orders where number = 'LAB-J'`;
    expect((await api.analytics.kpis({ storeId: "lab", ...period })).totals.orders).toBe(6);
    // The worker's sweep rebuilds the day of the new order.
    const sweep = sweeps.find((s) => s.name === "analytics-refresh")!;
    expect(sweeps.map((s) => s.name)).toContain("demand-forecast");
    expect(await sweep.run(t.db, new Date())).toBeGreaterThan(0);
    const k = await api.analytics.kpis({ storeId: "lab", ...period });
    expect(k.totals).toMatchObject({ orders: 7, revenueMinor: 35000 });
    // Hours to ready now 1, 2, 4, 6, 10 → 4.
    expect(k.clickAndCollect.medianHoursToReady).toBe(4);
  });
});

describe("who sees which numbers", () => {
  it("lets a manager see their store only; the chain is for admins", async () => {
    const max = await callerFor(t.db, manager, "admin");
    await expect(max.analytics.kpis({ storeId: "warszawa", ...period })).resolves.toMatchObject({
      storeId: "warszawa",
    });
    await expect(max.analytics.kpis({ storeId: "krakow", ...period })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(max.analytics.kpis(period)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(max.analytics.forecast({ storeId: "krakow" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const who of [{ email: "ola@example.com" }, { email: "ada@example.com" }, { kiosk: "warszawa" }] as Who[]) {
      const api = await callerFor(t.db, who, "admin");
      await expect(api.analytics.kpis(period)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const anonymous = await callerFor(t.db, "anonymous", "admin");
    await expect(anonymous.analytics.kpis(period)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});

describe("analytics.forecast", () => {
  it("forecasts an intermittent seller with Croston-SBA from the units that left, and says what to reorder", async () => {
    // Y sells at the lab on a few of the last 112 days; one of them is a declined unit, one an expired order.
    const now = new Date("2025-06-01T10:00:00Z");
    const first = Date.parse("2025-02-09T11:00:00Z"); // 112 days before 1 June (Warsaw), at noon
    const sales: Record<number, number> = { 20: 2, 41: 1, 55: 3, 80: 1, 95: 2, 110: 1 };
    for (const [day, units] of Object.entries(sales)) {
      await insertOrder({
        n: `Y${day}`,
        channel: "web",
        status: "collected",
        total: units * 1000,
        at: new Date(first + Number(day) * 86_400_000).toISOString(),
        lines: [{ sku: () => Y, quantity: units + 1, price: 1000, declined: 1 }],
      });
    }
    await insertOrder({
      n: "Yx",
      channel: "web",
      status: "expired",
      total: 5000,
      at: new Date(first + 100 * 86_400_000).toISOString(),
      lines: [{ sku: () => Y, quantity: 5, price: 1000 }],
    });
    const series = Array.from({ length: 112 }, (_, i) => sales[i] ?? 0);
    // The March fixtures above (B and J on the 4th, D's two units on the 6th) fall inside the 112 days too;
    // C expired, E was cancelled and F left from the warehouse, so they sold nothing here.
    for (const [at, units] of [
      ["2025-03-04", 1],
      ["2025-03-06", 2],
      ["2025-03-04", 1],
    ] as const) {
      series[Math.round((Date.parse(`${at}T11:00:00Z`) - first) / 86_400_000)] += units;
    }
    expect(await recomputeForecasts(t.db, now, { force: true })).toBeGreaterThan(0);
    const [row] =
      await t.sql`select method, daily_demand, lead_time_days, service_level from demand_forecasts where location_id = 'lab' and sku = ${Y}`;
    expect(row!.method).toBe("croston_sba");
    expect(row!.daily_demand).toBeCloseTo(crostonSba(series).forecast, 12);

    const api = await callerFor(t.db, admin, "admin");
    const [y] = await api.analytics.forecast({ storeId: "lab", sku: Y });
    expect(y).toMatchObject({ sku: Y, storeId: "lab", onHand: 5, available: 5, method: "croston_sba" });
    expect(y!.dailyDemand).toBeCloseTo(crostonSba(series).forecast, 12);
    expect(y!.reorderPoint).toBeCloseTo(y!.dailyDemand * 7 + 1.6448536269514722 * y!.errorRmse! * Math.sqrt(7), 6);
    expect(y!.daysOfCover).toBeCloseTo(5 / y!.dailyDemand, 9);
    expect(y!.suggestedQuantity).toBe(5 > y!.reorderPoint ? 0 : Math.ceil(y!.reorderPoint + y!.dailyDemand * 7 - 5));
  });

  it("lists a seeded store's reorder suggestions, the least cover first", async () => {
    await recomputeForecasts(t.db, new Date(), { force: true });
    const api = await callerFor(t.db, { email: "max@example.com" }, "admin");
    const list = await api.analytics.forecast({ storeId: "warszawa", limit: 20 });
    expect(list.length).toBe(20);
    expect(list.every((r) => r.storeId === "warszawa" && r.dailyDemand > 0)).toBe(true);
    const covers = list.map((r) => r.daysOfCover ?? Infinity);
    expect(covers).toEqual([...covers].sort((a, b) => a - b));
    expect(list.some((r) => r.suggestedQuantity > 0)).toBe(true);
    const methods = new Set((await api.analytics.forecast({ storeId: "warszawa", limit: 500 })).map((r) => r.method));
    expect(methods.has("croston_sba")).toBe(true);
  });
});
