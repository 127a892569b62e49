import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { AUDIT_ACTIONS, CSV_ROW_REASONS, DOMAIN_REASONS } from "@omni/domain/kernel";

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

/**
 * The ICU arguments a message uses: `{count, plural, …}` and `{order}` both name one, and so do the
 * arguments inside a plural's or select's cases; the cases' own words (`{placed}`) do not.
 */
function argumentsOf(message: string): Set<string> {
  const found = new Set<string>();
  let at = 0;
  const skipSpace = () => {
    while (/\s/.test(message[at] ?? "")) at++;
  };
  const word = () => {
    skipSpace();
    const start = at;
    while (at < message.length && !/[\s,{}]/.test(message[at]!)) at++;
    return message.slice(start, at);
  };
  // A message up to the `}` that closes it (or the end): its arguments, and those of its cases.
  const parseMessage = () => {
    while (at < message.length && message[at] !== "}") {
      if (message[at] !== "{") {
        at++;
        continue;
      }
      at++;
      found.add(word());
      skipSpace();
      if (message[at] === ",") {
        at++;
        const type = word();
        skipSpace();
        if (message[at] === ",") at++;
        if (type === "plural" || type === "select" || type === "selectordinal") {
          for (skipSpace(); message[at] !== "}" && at < message.length; skipSpace()) {
            word();
            skipSpace();
            at++; // the case's `{`
            parseMessage();
            at++; // its `}`
          }
        } else while (at < message.length && message[at] !== "}") at++;
      }
      at++; // the argument's `}`
    }
  };
  parseMessage();
  return found;
}

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

  // A refusal the domain (or a procedure tier) can give reaches the screen as its reason: without
  // words for it, the person would read the server's English sentence.
  it("word every reason a refusal can carry, in both languages", () => {
    for (const catalogue of [english, polish]) {
      expect(DOMAIN_REASONS.filter((reason) => !catalogue.has(`domainErrors.${reason}`))).toEqual([]);
    }
  });

  it("word every kind of failure that carries no reason", () => {
    const kinds = ["tooManyRequests", "network", "invalidInput", "unauthorized", "forbidden", "notFound", "conflict"];
    for (const catalogue of [english, polish]) {
      expect(kinds.filter((kind) => !catalogue.has(`domainErrors.${kind}`))).toEqual([]);
    }
  });
});

describe("the admin app's words for refused rows of an imported file", () => {
  it("word every reason a row can be refused for, in both languages", () => {
    for (const locale of ["en", "pl"]) {
      const catalogue = load("admin", locale);
      expect(CSV_ROW_REASONS.filter((reason) => !catalogue.has(`products.csvRow.${reason}`))).toEqual([]);
    }
  });
});

/** The codes under a namespace of a flattened catalogue (`audit.actions.pickup.collect` → `pickup.collect`). */
const codesUnder = (catalogue: Map<string, string>, prefix: string) =>
  [...catalogue.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length));

/** Every quoted `area.verb` string in the domain's source: the audit actions it records are among them. */
function actionsInSource(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts"))
        for (const m of fs.readFileSync(file, "utf8").matchAll(/"([a-z][A-Za-z]*\.[a-z][A-Za-z]*)"/g)) found.add(m[1]!);
    }
  };
  walk(path.join(repoRoot, "packages", "domain", "src"));
  return found;
}

describe("the admin app's audit log", () => {
  // recordAudit takes only AUDIT_ACTIONS (its type), so this list is every action the log can hold.
  it("names every action it can record, for its filter, and words it as a sentence, in both languages", () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(50);
    for (const locale of ["en", "pl"]) {
      const catalogue = load("admin", locale);
      expect(AUDIT_ACTIONS.filter((action) => !catalogue.has(`audit.actions.${action}`))).toEqual([]);
      expect(AUDIT_ACTIONS.filter((action) => !catalogue.has(`audit.did.${action}`))).toEqual([]);
    }
  });

  it("names no action the log cannot hold, and two actions never by the same name", () => {
    const known = new Set<string>(AUDIT_ACTIONS);
    for (const locale of ["en", "pl"]) {
      const catalogue = load("admin", locale);
      expect(codesUnder(catalogue, "audit.actions.").filter((code) => !known.has(code))).toEqual([]);
      expect(codesUnder(catalogue, "audit.did.").filter((code) => !known.has(code))).toEqual([]);
      const names = AUDIT_ACTIONS.map((action) => catalogue.get(`audit.actions.${action}`));
      expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
    }
  });

  it("lists only actions the domain records somewhere", () => {
    // recordAudit's type refuses an unlisted action; a listed one no code records would be a dead filter choice.
    const inSource = actionsInSource();
    expect(AUDIT_ACTIONS.filter((action) => !inSource.has(action))).toEqual([]);
  });
});
