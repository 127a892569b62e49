import { callerFor } from "@omni/api/testing";

import { benchDatabase, fmt, measure } from "./harness";

/**
 * Catalogue and availability reads through the real router (in-process, no HTTP) on the demo seed
 * plus 100k variants × 50 extra stores (5.6M stock rows). Run: `pnpm bench:catalog`.
 */
const variants = Number(process.env.BENCH_VARIANTS ?? 100_000);
const locations = Number(process.env.BENCH_LOCATIONS ?? 50);
const { handle, cleanup } = await benchDatabase({ variants, locations });
const api = await callerFor(handle.db, "anonymous");
const skus = (await handle.sql`select sku from variants where sku like 'BENCH-%' order by random() limit 500`).map(
  (r) => r.sku as string,
);
const slugs = (await handle.sql`select slug from products order by random() limit 500`).map((r) => r.slug as string);

const rows: [string, Awaited<ReturnType<typeof measure>>][] = [];
rows.push(["catalog.search (first page)", await measure(200, () => api.catalog.search({ limit: 20 }))]);
rows.push([
  "catalog.search (text query)",
  await measure(200, (i) => api.catalog.search({ query: ["linen", "wool", "item 42", "denim"][i % 4], limit: 20 })),
]);
rows.push([
  "catalog.search (category, available in store)",
  await measure(200, () => api.catalog.search({ category: "jeans", availableIn: "krakow", limit: 20 })),
]);
rows.push(["catalog.product", await measure(200, (i) => api.catalog.product({ slug: slugs[i % slugs.length]! }))]);
rows.push([
  "inventory.availability (56 locations)",
  await measure(500, (i) => api.inventory.availability({ sku: skus[i % skus.length]! })),
]);

console.log(
  `\n| procedure (${variants.toLocaleString("en")} variants × ${locations + 6} locations) | p50 | p95 | p99 |\n|---|---|---|---|`,
);
for (const [name, r] of rows) console.log(`| ${name} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} |`);
await cleanup();
process.exit(0);
