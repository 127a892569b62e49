import { createDb } from "@omni/db";
import { seedScale } from "@omni/db/seed/scale";

import { prepareDatabase } from "./database";

/**
 * `pnpm db:seed`: migrates and seeds the development database (embedded, or DATABASE_URL) with the
 * demo seed. `pnpm db:seed --scale [VARIANTS] [LOCATIONS]` adds the large synthetic catalogue for
 * benchmarks (default 100,000 variants in 50 extra stores).
 */
const { url } = await prepareDatabase();
const at = process.argv.indexOf("--scale");
if (at >= 0) {
  const variants = Number(process.argv[at + 1] ?? 100_000) || 100_000;
  const locations = Number(process.argv[at + 2] ?? 50) || 50;
  const handle = createDb(url, { max: 2 });
  console.log(`Adding ${variants.toLocaleString("en")} variants in ${locations} extra stores…`);
  await seedScale(handle.sql, { variants, locations });
  await handle.close();
}
console.log("Seeded.");
process.exit(0);
