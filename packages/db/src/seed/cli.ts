import { createDb } from "../client";
import { runMigrations } from "../migrate";
import { isSeeded, seedDemo } from "./index";
import { seedScale } from "./scale";

// Usage: tsx src/seed/cli.ts [--scale VARIANTS LOCATIONS]   (DATABASE_URL must point at a migrated database)
const url = process.env.DATABASE_URL;
if (!url) {
  console.error("Set DATABASE_URL, or run `pnpm start`, which seeds the embedded database by itself.");
  process.exit(1);
}
await runMigrations(url);
const handle = createDb(url, { max: 4 });
const scaleAt = process.argv.indexOf("--scale");
if (!(await isSeeded(handle.db))) await seedDemo(handle.db);
if (scaleAt >= 0) {
  const variantCount = Number(process.argv[scaleAt + 1] ?? 100_000);
  const locationCount = Number(process.argv[scaleAt + 2] ?? 50);
  await seedScale(handle.sql, { variants: variantCount, locations: locationCount });
}
await handle.close();
console.log("seeded");
