import fs from "node:fs";
import path from "node:path";

import type { Page } from "@playwright/test";

import { expect, test } from "../fixtures";
import { openPage, pagesOf, prepare, screenOf, segmentValues, urlOf, type App } from "./app-pages";

/**
 * Every word on screen comes from the app's message catalogue in the reader's language (issue 20).
 * Walks every page of each app in Polish and in English and fails on: an English sentence of the
 * catalogue on a Polish page, a raw message key (`domainErrors.x`, `nav.pickup`), or a raw refusal
 * reason (`order_not_collectable`) on any page.
 */
type Catalogue = { [key: string]: string | Catalogue };
const repo = path.join(import.meta.dirname, "..", "..");

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
}

const catalogue = (app: App, locale: string) =>
  flatten(JSON.parse(fs.readFileSync(path.join(repo, "apps", app, "messages", `${locale}.json`), "utf8")));

/**
 * English sentences that must not appear on a Polish page: the English catalogue's plain messages
 * (no placeholders) that differ from their Polish words, of at least three words so that names,
 * brands and codes shared by both languages ("BLIK", "SKU") do not count.
 */
function englishSentences(app: App): string[] {
  const polish = catalogue(app, "pl");
  return [...catalogue(app, "en")]
    .filter(([key, text]) => !/[{}<]/.test(text) && text !== polish.get(key) && text.trim().split(/\s+/).length >= 3)
    .map(([, text]) => text.trim());
}

/**
 * Words of the other language that no catalogue sentence of three words catches: the online warehouse's
 * name (the seed calls it "Omni Online Warehouse"; each app words it from its catalogue by the location's id).
 */
const otherLanguage = { pl: /online warehouse/i, en: /magazyn internetowy/i } as const;

const reasons = [
  ...fs
    .readFileSync(path.join(repo, "packages/domain/src/kernel/error-reasons.ts"), "utf8")
    .matchAll(/^\s+"([a-z_]+)",$/gm),
].map((m) => m[1]!);

/** Text that reads like a key of the catalogue: one of its namespaces, a dot, and a key. */
const rawKeyPattern = (app: App) => {
  const namespaces = Object.keys(
    JSON.parse(fs.readFileSync(path.join(repo, "apps", app, "messages", "en.json"), "utf8")),
  ) as string[];
  return new RegExp(`(^|[^\\w@/.-])(${namespaces.join("|")})\\.[A-Za-z_][\\w]*(\\.[\\w]+)*\\b`);
};

/**
 * The page's visible text without what is not in the reader's language by design: identifiers of the API
 * (`<code>`, such as webhook event names) and parts marked in another language (the English preview of a
 * message template on a Polish page carries `lang="en"`).
 */
async function readableText(page: Page, locale: "pl" | "en") {
  return page.locator("body").evaluate((body, skip) => {
    const hidden = [...body.querySelectorAll<HTMLElement>(skip)];
    for (const element of hidden) element.style.setProperty("display", "none", "important");
    return (body as HTMLElement).innerText;
  }, `code, [lang]:not([lang="${locale}"])`);
}

for (const app of ["web", "kiosk", "admin"] as const) {
  for (const locale of ["pl", "en"] as const) {
    test.describe(`${app} in ${locale === "pl" ? "Polish" : "English"}`, () => {
      test.use(screenOf[app]);

      test("shows only words from its catalogue", async ({ context, page }) => {
        test.setTimeout(600_000);
        await prepare(app, context, page, locale);
        const values = await segmentValues(page.request);
        const english = locale === "pl" ? englishSentences(app) : [];
        const rawKey = rawKeyPattern(app);
        const rawReason = new RegExp(`\\b(${reasons.join("|")})\\b`);
        const findings: string[] = [];
        for (const route of pagesOf(app)) {
          const url = urlOf(app, route, values);
          await openPage(page, url);
          const text = await readableText(page, locale);
          for (const sentence of english) if (text.includes(sentence)) findings.push(`${route}: English "${sentence}"`);
          const foreign = text.match(otherLanguage[locale]);
          if (foreign) findings.push(`${route}: other language "${foreign[0]}"`);
          const key = text.match(rawKey);
          if (key) findings.push(`${route}: raw key "${key[0].trim()}"`);
          const reason = text.match(rawReason);
          if (reason) findings.push(`${route}: raw reason "${reason[0]}"`);
        }
        expect(findings).toEqual([]);
      });
    });
  }
}
