import { createDb } from "@omni/db";
import { seedScale } from "@omni/db/seed/scale";

import { prepareDatabase } from "./database";

/**
 * `pnpm db:seed`: migrates the database and loads the demo seed into the embedded demo database.
 * A `DATABASE_URL` database gets the demo seed (accounts with known passwords, `dev-kiosk-*` tokens)
 * only with `pnpm db:seed --demo`. `--scale [VARIANTS] [LOCATIONS] [ORDERS_PER_DAY]` adds the large
 * synthetic catalogue for benchmarks (default 100,000 variants in 50 extra stores) and a year of orders
 * (default 1,000 a day), on a demo database only.
 */
const { url, demo } = await prepareDatabase();
const at = process.argv.indexOf("--scale");
if (at >= 0) {
  if (!demo) throw new Error("--scale adds to the demo seed: run it on the embedded database or add --demo.");
  const variants = Number(process.argv[at + 1] ?? 100_000) || 100_000;
  const locations = Number(process.argv[at + 2] ?? 50) || 50;
  const ordersPerDay = Number(process.argv[at + 3] ?? 1000) || 1000;
  const handle = createDb(url, { max: 2 });
  console.log(
    `Adding ${variants.toLocaleString("en")} variants in ${locations} extra stores and a year of ${ordersPerDay.toLocaleString("en")} orders a day…`,
  );
  const started = Date.now();
  await seedScale(handle.sql, { variants, locations, ordersPerDay });
  await handle.sql`analyze`;
  console.log(`Scale seed loaded in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  await handle.close();
}
console.log(demo ? "Seeded." : "Migrated (no demo data: add --demo to load it).");
process.exit(0);
