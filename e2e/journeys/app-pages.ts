import fs from "node:fs";
import path from "node:path";

import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";

import { expect, kioskScreen, phone, signInWithApi, urls } from "../fixtures";
import { trpcQuery } from "../trpc";
import { pairKiosk } from "./kiosk-support";

export type App = "web" | "kiosk" | "admin";

const repo = path.join(import.meta.dirname, "..", "..");

/**
 * Every page of an app, read from its `src/app` directory (route groups dropped), so a page added
 * later is walked without anyone remembering to list it.
 */
export function pagesOf(app: App): string[] {
  const root = path.join(repo, "apps", app, "src", "app");
  const found: string[] = [];
  const walk = (dir: string, route: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name === "api" || entry.name.startsWith("_")) continue;
        walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? route : `${route}/${entry.name}`);
      } else if (entry.name === "page.tsx") found.push(route || "/");
    }
  };
  walk(root, "");
  return found.sort();
}

/** Values for the dynamic segments: real ones where the seed has them, else a miss the page must word. */
export async function segmentValues(request: APIRequestContext): Promise<Record<string, string>> {
  const search = await trpcQuery<{ items: { slug: string }[] }>(request, urls.web, "catalog.search", { limit: 1 });
  const categories = await trpcQuery<{ slug: string }[]>(request, urls.web, "catalog.categories", undefined);
  return {
    slug: search.items[0]!.slug,
    "c/[slug]": categories[0]!.slug,
    id: "krakow",
    "webhooks/[id]": "00000000-0000-4000-8000-000000000000",
    number: "OM-000001",
    "transfers/[number]": "TR-000001",
    "returns/[number]": "RT-000001",
    code: "NOPE0000",
  };
}

export function urlOf(app: App, route: string, values: Record<string, string>): string {
  const filled = route.replace(/([\w-]+)\/\[(\w+)\]/g, (_, parent: string, name: string) => {
    const key = `${parent}/[${name}]`;
    return `${parent}/${values[key] ?? values[name] ?? name}`;
  });
  return `${urls[app]}${filled === "/" ? "" : filled}`;
}

export const screenOf = { web: phone, kiosk: kioskScreen, admin: { viewport: { width: 1440, height: 900 } } };

/** The app in one language, signed in (admin, and the shop's account pages) or paired (kiosk). */
export async function prepare(app: App, context: BrowserContext, page: Page, locale: "pl" | "en") {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: urls[app] }]);
  if (app === "kiosk") await pairKiosk(context, "krakow");
  if (app === "admin") await signInWithApi(page, urls.admin, "admin@example.com", "demo-admin");
  if (app === "web") await signInWithApi(page, urls.web, "ada@example.com", "demo-shopper");
}

/** Opens a page and waits until what it streams and fetches has arrived. */
export async function openPage(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response, url).not.toBeNull();
  // Pages that poll (the pickup board, a kiosk waiting for an exchange) never go quiet: wait a moment, not forever.
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('div[hidden][id^="S:"]')).catch(() => undefined);
}
