import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { repoRoot } from "../scripts/database";

/**
 * "First Load JS" per route of an app's last production build (Next 16 no longer prints it): the shared
 * runtime chunks plus the chunks of the route's layouts, error boundaries and page, raw and gzipped.
 * Run after `pnpm --filter @omni/web build`: `pnpm exec tsx bench/first-load-js.ts [web|kiosk|admin]`.
 *
 * With `FIRST_LOAD_URL=<the running build> ... web / /c/t-shirts /p/<slug>` it also counts, for those pages, every
 * `<script src>` their HTML really loads (read from the same build), as a check that the manifest count misses
 * nothing. Chunks loaded later (a lazy island's, a prefetched page's) are not first-load JavaScript.
 */
const app = process.argv[2] ?? "web";
const dotNext = path.join(repoRoot, "apps", app, ".next");
if (!fs.existsSync(path.join(dotNext, "build-manifest.json"))) throw new Error(`No production build in ${dotNext}.`);
const buildManifest = JSON.parse(fs.readFileSync(path.join(dotNext, "build-manifest.json"), "utf8")) as {
  rootMainFiles: string[];
  polyfillFiles: string[];
};

const sizes = new Map<string, { raw: number; gzip: number }>();
function size(file: string) {
  if (!sizes.has(file)) {
    const bytes = fs.readFileSync(path.join(dotNext, file.replace(/^\/_next\//, "")));
    sizes.set(file, { raw: bytes.length, gzip: gzipSync(bytes).length });
  }
  return sizes.get(file)!;
}

function manifests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifests(full);
    return entry.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

const rows: { route: string; raw: number; gzip: number }[] = [];
/** Whether the build's manifests name each route's entry chunks: Turbopack's do, webpack's (Next 16) do not. */
let entryChunksKnown = false;
for (const file of manifests(path.join(dotNext, "server", "app"))) {
  const source = fs.readFileSync(file, "utf8");
  // `globalThis.__RSC_MANIFEST[…] = {…};` (Turbopack) or `…]={…};` (webpack): the object literal is JSON.
  const json = /=\s*(\{[\s\S]*\})\s*;?\s*$/.exec(source)?.[1];
  if (!json) throw new Error(`Unexpected client reference manifest: ${file}`);
  const manifest = JSON.parse(json) as { entryJSFiles?: Record<string, string[]> };
  const route = "/" + path.relative(path.join(dotNext, "server", "app"), path.dirname(file)).replace(/\\/g, "/");
  if (route.startsWith("/_") || route.includes("/api/")) continue;
  if (manifest.entryJSFiles) entryChunksKnown = true;
  const chunks = new Set(buildManifest.rootMainFiles);
  for (const [entry, files] of Object.entries(manifest.entryJSFiles ?? {})) {
    if (entry.includes("global-error") || entry.endsWith("/not-found")) continue;
    for (const chunk of files) chunks.add(chunk);
  }
  const total = [...chunks]
    .map(size)
    .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  rows.push({ route: route === "/." ? "/" : route, ...total });
}

rows.sort((a, b) => a.route.localeCompare(b.route));

async function htmlRows(base: string, paths: string[]) {
  const out: { route: string; raw: number; gzip: number; scripts: number }[] = [];
  for (const route of paths) {
    const html = await (await fetch(new URL(route, base))).text();
    // A `nomodule` script (Next's polyfills) is never fetched by a browser that runs modules.
    const tags = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"[^>]*>/g)].filter((m) => !/\snomodule/i.test(m[0]));
    // Webpack names a route's chunks after its folders (`app/%5Blocale%5D/page-….js` in the HTML, `[locale]` on
    // disk): the file read is the decoded path. Turbopack's chunk names need no escaping.
    const srcs = new Set(tags.map((m) => decodeURIComponent(m[1]!.split("?")[0]!)));
    const files = [...srcs].filter((src) => src.startsWith("/_next/"));
    if (files.length !== srcs.size)
      throw new Error(`${route} loads a script from outside the build: ${[...srcs].join(", ")}`);
    const total = files
      .map(size)
      .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
    out.push({ route, scripts: files.length, ...total });
  }
  return out;
}
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
if (entryChunksKnown) {
  console.log(`| route (apps/${app}) | First Load JS (gzip) | raw |\n|---|---|---|`);
  for (const r of rows) console.log(`| \`${r.route}\` | ${kb(r.gzip)} | ${kb(r.raw)} |`);
} else {
  // Without them every route would count only the shared runtime: a wrong table is worse than none.
  console.log(`apps/${app} was built by webpack, whose manifests name no route's chunks: only the served-HTML count.`);
}

const base = process.env.FIRST_LOAD_URL;
if (base) {
  console.log(`\n| page (scripts in its HTML at ${base}) | scripts | JS (gzip) | raw |\n|---|---|---|---|`);
  for (const r of await htmlRows(base, process.argv.slice(3)))
    console.log(`| \`${r.route}\` | ${r.scripts} | ${kb(r.gzip)} | ${kb(r.raw)} |`);
}
