import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { repoRoot } from "../scripts/database";

/**
 * "First Load JS" per route of an app's last production build (Next 16 no longer prints it): the shared
 * runtime chunks plus the chunks of the route's layouts, error boundaries and page, raw and gzipped.
 * Run after `pnpm --filter @omni/web build`: `pnpm exec tsx bench/first-load-js.ts [web|kiosk|admin]`.
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
for (const file of manifests(path.join(dotNext, "server", "app"))) {
  const source = fs.readFileSync(file, "utf8");
  const json = source.slice(source.indexOf("= {") + 2).replace(/;\s*$/, "");
  const manifest = JSON.parse(json) as { entryJSFiles?: Record<string, string[]> };
  const route = "/" + path.relative(path.join(dotNext, "server", "app"), path.dirname(file)).replace(/\\/g, "/");
  if (route.startsWith("/_") || route.includes("/api/")) continue;
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
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
console.log(`| route (apps/${app}) | First Load JS (gzip) | raw |\n|---|---|---|`);
for (const r of rows) console.log(`| \`${r.route}\` | ${kb(r.gzip)} | ${kb(r.raw)} |`);
