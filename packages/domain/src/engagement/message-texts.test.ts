import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { messageTemplates } from "../kernel";
import { messagePreviews, templatesWithoutPreview } from "./message-previews";

/** Sample data that is content, not wording (a product title, a store's counter): stripped before the checks. */
const contentOfSamples = ["Linen shirt M / white", "Wool scarf", "Counter 1"];
const strip = (text: string) => contentOfSamples.reduce((t, s) => t.split(s).join(" "), text);

/** Words of English that no Polish message has any business containing. */
const englishWords =
  /\b(hello|thank|thanks|your|you|the|and|is|are|was|will|please|order|collect|reservation|return|refund|password|invited|reminder|total|delivery|items|store credit|good news|see it|expires?)\b/i;

/** The English wording's own sentences (at least three words, data removed): none of them may reach a Polish text. */
function englishSentences(text: string): string[] {
  return strip(text)
    .split(/[.:;!?()\n]|https?:\/\/\S+/)
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).filter((w) => /^[a-z]+$/i.test(w)).length >= 3);
}

describe("every e-mail and SMS in Polish and English", () => {
  const previews = messagePreviews();

  it("renders every template written to the outbox", () => {
    expect(templatesWithoutPreview()).toEqual([]);
    expect(new Set(previews.map((p) => p.template))).toEqual(new Set(messageTemplates));
  });

  it.each(previews.map((p) => [`${p.template} ${p.channel}${p.variant ? ` (${p.variant})` : ""}`, p] as const))(
    "%s has both languages, and the Polish one has no English in it",
    (_, preview) => {
      for (const locale of ["pl", "en"] as const) {
        expect(preview[locale].body.trim().length).toBeGreaterThan(10);
        if (preview.channel === "email") expect(preview[locale].subject.trim().length).toBeGreaterThan(3);
        else expect(preview[locale].body.length).toBeLessThanOrEqual(160);
      }
      expect(preview.pl.body).not.toBe(preview.en.body);
      const polish = strip(`${preview.pl.subject}\n${preview.pl.body}`).replace(/https?:\/\/\S+/g, " ");
      expect(polish).not.toMatch(englishWords);
      for (const sentence of englishSentences(`${preview.en.subject}\n${preview.en.body}`))
        expect(polish).not.toContain(sentence);
    },
  );

  it("no message is worded outside the templates", () => {
    // Any domain file but the templates that writes an English sentence into a subject or body bypasses them.
    const root = join(import.meta.dirname, "..");
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
      });
    const offenders = files(root)
      .filter((f) => !f.endsWith(".test.ts") && !/engagement\/(texts-|message-)/.test(f))
      .filter((f) => /\b(subject|body):\s*[`"'][^`"'$]*[A-Za-z]{3}/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});
