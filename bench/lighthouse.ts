import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

import { prepareDatabase } from "../scripts/database";
import { spawnShop } from "./harness";

/**
 * Lighthouse (mobile emulation, default throttling) on the shop's home page, a category listing and a
 * product page, and a markdown table of the four category scores. Run: `pnpm bench:lighthouse`.
 * With LIGHTHOUSE_URL it audits that running shop; otherwise it starts the production shop as the other benchmarks
 * do (bench/harness.ts `spawnShop`; a build must exist: `pnpm --filter @omni/web build`) on a throwaway embedded database
 * with the demo seed. Chromium: CHROME_PATH, else /usr/bin/chromium. LIGHTHOUSE_RUNS (default 1)
 * runs per page; the table shows the median. LIGHTHOUSE_SAVE=<folder> keeps the full JSON reports.
 */
const chromePath = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const runs = Number(process.env.LIGHTHOUSE_RUNS ?? 1);
const port = Number(process.env.LIGHTHOUSE_PORT ?? 3660);
let base = process.env.LIGHTHOUSE_URL?.replace(/\/$/, "");

let shop: ChildProcess | undefined;
let stopDatabase = async () => {};
if (!base) {
  base = `http://127.0.0.1:${port}`;
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "omni-lighthouse-"));
  fs.chmodSync(dataRoot, 0o755);
  delete process.env.DATABASE_URL; // always a fresh demo database, never someone's data
  const { url, server } = await prepareDatabase({ dataDir: path.join(dataRoot, "pg") });
  stopDatabase = async () => {
    await server?.stop();
    fs.rmSync(dataRoot, { recursive: true, force: true });
  };
  shop = spawnShop(url, port, { OMNI_INSECURE_COOKIES: "1", OMNI_WEB_URL: base });
}

async function query<T>(procedure: string, input?: unknown): Promise<T> {
  const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const response = await fetch(`${base}/api/trpc/${procedure}${search}`);
  if (!response.ok) throw new Error(`${procedure} answered ${response.status}`);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

const categoryIds = ["performance", "accessibility", "best-practices", "seo"] as const;
type Scores = Record<(typeof categoryIds)[number], number> & {
  lcp: number;
  tbt: number;
  cls: number;
  jsKb: number;
  jsRawKb: number;
};
type NetworkRequest = { resourceType?: string; transferSize?: number; resourceSize?: number };
const scriptKb = (requests: NetworkRequest[]) => {
  const scripts = requests.filter((r) => r.resourceType === "Script");
  const sum = (key: "transferSize" | "resourceSize") => scripts.reduce((total, r) => total + (r[key] ?? 0), 0) / 1024;
  return { jsKb: sum("transferSize"), jsRawKb: sum("resourceSize") };
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const results: { page: string; url: string; scores: Scores; failing: string[] }[] = [];
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  const deadline = Date.now() + 120_000;
  while (
    (await fetch(`${base}/api/trpc/stores.list`)
      .then((r) => r.ok)
      .catch(() => false)) === false
  ) {
    if (Date.now() > deadline)
      throw new Error(`${base} did not start (is there a production build? \`pnpm --filter @omni/web build\`)`);
    await new Promise((r) => setTimeout(r, 500));
  }
  const [category] = await query<{ slug: string }[]>("catalog.categories");
  const { items } = await query<{ items: { slug: string }[] }>("catalog.search", { limit: 1 });
  const pages = [
    { page: "home", url: `${base}/` },
    { page: "category listing", url: `${base}/c/${category!.slug}` },
    { page: "product", url: `${base}/p/${items[0]!.slug}` },
  ];
  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  for (const { page, url } of pages) {
    await fetch(url); // the first request of a route compiles nothing in production, but warms the data caches
    const samples: Scores[] = [];
    let failing: string[] = [];
    for (let i = 0; i < runs; i++) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...categoryIds],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (process.env.LIGHTHOUSE_SAVE) {
        fs.mkdirSync(process.env.LIGHTHOUSE_SAVE, { recursive: true });
        fs.writeFileSync(
          path.join(process.env.LIGHTHOUSE_SAVE, `${page.replace(/\W+/g, "-")}-${i + 1}.json`),
          JSON.stringify(result.lhr),
        );
      }
      const { categories, audits } = result.lhr;
      samples.push({
        ...(Object.fromEntries(categoryIds.map((id) => [id, Math.round((categories[id]?.score ?? 0) * 100)])) as Record<
          (typeof categoryIds)[number],
          number
        >),
        lcp: audits["largest-contentful-paint"]?.numericValue ?? NaN,
        tbt: audits["total-blocking-time"]?.numericValue ?? NaN,
        cls: audits["cumulative-layout-shift"]?.numericValue ?? NaN,
        // The JavaScript this first load fetched (Next 16's build no longer prints "First Load JS").
        ...scriptKb((audits["network-requests"]?.details as { items?: NetworkRequest[] } | undefined)?.items ?? []),
      });
      // The audits that cost points, so the table says what to fix.
      failing = Object.values(audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 0.9 &&
            a.scoreDisplayMode !== "informative" &&
            a.scoreDisplayMode !== "notApplicable" &&
            a.scoreDisplayMode !== "manual",
        )
        .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ""}`);
    }
    const scores = Object.fromEntries(
      Object.keys(samples[0]!).map((k) => [k, median(samples.map((s) => s[k as keyof Scores]))]),
    ) as Scores;
    results.push({ page, url: url.replace(base, ""), scores, failing });
    console.log(`${page}: done`);
  }
} finally {
  chrome?.kill();
  try {
    if (shop?.pid) process.kill(-shop.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
  await stopDatabase();
}

console.log(
  `\n| page | path | performance | accessibility | best practices | SEO | LCP | TBT | CLS | JS on first load (transferred / uncompressed) |\n|---|---|---|---|---|---|---|---|---|---|`,
);
for (const { page, url, scores: s } of results) {
  console.log(
    `| ${page} | \`${url}\` | ${s.performance} | ${s.accessibility} | ${s["best-practices"]} | ${s.seo} | ${(s.lcp / 1000).toFixed(1)} s | ${Math.round(s.tbt)} ms | ${s.cls.toFixed(3)} | ${s.jsKb.toFixed(0)} kB / ${s.jsRawKb.toFixed(0)} kB |`,
  );
}
console.log("\nAudits below 0.9:");
for (const { page, failing } of results) console.log(`- ${page}: ${failing.join(", ") || "none"}`);
process.exit(0);
