import { describe, expect, it } from "vitest";

import pl from "../../messages/pl.json";
import { translator } from "./words";

describe("translator: an island's words without next-intl's client", () => {
  it("fills every {name} of a catalogue sentence and leaves unknown ones visible", () => {
    const t = translator(pl.product);
    expect(t("added", { title: "Polo — M" })).toBe(pl.product.added.replace("{title}", "Polo — M"));
    expect(t("added")).toBe(pl.product.added);
    expect(translator({ a: "{x} i {y}" })("a", { x: 1 })).toBe("1 i {y}");
  });

  it("the namespaces handed to islands have no plural or select forms, which it could not word", () => {
    for (const namespace of ["search", "product", "reserve", "listing"] as const)
      for (const sentence of Object.values(pl[namespace])) expect(sentence).not.toMatch(/\{\w+,/);
  });
});
