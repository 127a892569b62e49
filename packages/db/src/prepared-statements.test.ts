import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import type { DbOrTx } from "./client";
import { locations } from "./schema";
import { createTestDatabase } from "./testing";

// One connection, so that what a statement leaves on it can be seen by the next one.
const t = await createTestDatabase({ max: 1 });
afterAll(() => t.close());

/** The statements prepared on the connection so far whose text contains `marker`. */
async function prepared(marker: string, db: DbOrTx = t.db) {
  const rows = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_prepared_statements where statement like ${`%${marker}%`}`,
  );
  return rows[0]!.n;
}

describe("drizzle's statements", () => {
  it("are prepared once per connection and reused, outside and inside transactions", async () => {
    const read = (db: DbOrTx) =>
      db.select({ id: locations.id }).from(locations).where(eq(locations.id, "krakow")).limit(1);
    expect(await prepared('"locations"."id" = $1 limit')).toBe(0);
    for (let i = 0; i < 3; i++) expect(await read(t.db)).toEqual([{ id: "krakow" }]);
    // Unprepared, PostgreSQL would parse and plan it on every call and keep nothing.
    expect(await prepared('"locations"."id" = $1 limit')).toBe(1);

    await t.db.transaction(async (tx) => {
      expect(await read(tx)).toEqual([{ id: "krakow" }]);
      const raw = () => tx.execute(sql`select id from locations where id = ${"gdansk"} and type = 'store'`);
      expect((await raw()).map((r) => r.id)).toEqual(["gdansk"]);
      await raw();
      expect(await prepared("and type = 'store'", tx)).toBe(1);
      // A savepoint's statements too.
      await tx.transaction(async (inner) => {
        await inner.execute(sql`select id from locations where id = ${"poznan"} and type <> 'warehouse'`);
        expect(await prepared("and type <> 'warehouse'", inner)).toBe(1);
      });
    });
    expect(await prepared('"locations"."id" = $1 limit')).toBe(1);
  });

  it("still run statements without parameters and several commands in one text (migrations)", async () => {
    await t.db.execute(sql.raw("create temporary table scratch (n int); insert into scratch values (1), (2)"));
    const rows = await t.db.execute<{ n: number }>(sql.raw("select sum(n)::int as n from scratch"));
    expect(rows[0]!.n).toBe(3);
  });
});
