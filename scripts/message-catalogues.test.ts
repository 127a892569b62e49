import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { repoRoot } from "./database";

/**
 * Every word a person reads comes from an app's message catalogue, in Polish and in English. A key
 * missing in one language would show its raw name on screen; a placeholder missing in one would drop
 * the order number or the amount from the sentence.
 */
type Catalogue = { [key: string]: string | Catalogue };

function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) out.set(inner, text);
  }
  return out;
}

/** The ICU arguments a message uses: `{count, plural, …}` and `{order}` both name one. */
const argumentsOf = (message: string) => new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]));

const load = (app: string, locale: string) =>
  flatten(JSON.parse(fs.readFileSync(path.join(repoRoot, "apps", app, "messages", `${locale}.json`), "utf8")));

describe.each(["web", "kiosk", "admin"])("the %s app's message catalogues", (app) => {
  const english = load(app, "en");
  const polish = load(app, "pl");

  it("have the same keys in Polish and English", () => {
    expect([...polish.keys()].filter((key) => !english.has(key))).toEqual([]);
    expect([...english.keys()].filter((key) => !polish.has(key))).toEqual([]);
    expect(english.size).toBeGreaterThan(50);
  });

  it("use the same placeholders in both languages, and no message is empty", () => {
    const mismatched = [...english].filter(([key, text]) => {
      const other = polish.get(key);
      return other !== undefined && [...argumentsOf(text)].sort().join() !== [...argumentsOf(other)].sort().join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
    const empty = [...english, ...polish].filter(([, text]) => !text.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
