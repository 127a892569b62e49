import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { SelectField } from "./select-field";
import { TextField } from "./text-field";

/** The attributes of the first element of `tag` in the markup, by name. */
function attributesOf(markup: string, tag: string): Record<string, string> {
  const element = new RegExp(`<${tag}\\b([^>]*)>`).exec(markup)?.[1] ?? "";
  return Object.fromEntries([...element.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

const select = (props: { hint?: string; error?: string }) =>
  renderToStaticMarkup(
    <SelectField id="store" label="Store" {...props} defaultValue="b" onChange={() => {}}>
      <option value="a">A</option>
      <option value="b">B</option>
    </SelectField>,
  );

describe("SelectField", () => {
  it("binds its visible label to the select and keeps the select's own attributes and options", () => {
    const markup = select({});
    expect(attributesOf(markup, "label").for).toBe("store");
    expect(markup).toContain(">Store</label>");
    expect(attributesOf(markup, "select").id).toBe("store");
    expect(markup).toMatch(/<option value="b" selected="">B<\/option>/);
    // Nothing to describe and nothing wrong: no dangling references for a screen reader.
    expect(attributesOf(markup, "select")).not.toHaveProperty("aria-describedby");
    expect(attributesOf(markup, "select")).not.toHaveProperty("aria-invalid");
  });

  it("ties the hint and the error to the select and marks it invalid only with an error", () => {
    const hinted = select({ hint: "Where you collect" });
    expect(attributesOf(hinted, "select")["aria-describedby"]).toBe("store-hint");
    expect(attributesOf(hinted, "select")).not.toHaveProperty("aria-invalid");
    expect(hinted).toContain('<p id="store-hint"');

    const wrong = select({ hint: "Where you collect", error: "Choose a store" });
    expect(attributesOf(wrong, "select")["aria-describedby"]).toBe("store-hint store-error");
    expect(attributesOf(wrong, "select")["aria-invalid"]).toBe("true");
    expect(wrong).toMatch(/<p id="store-error"[^>]*>Choose a store<\/p>/);
  });

  it("fills its row unless asked to fit a short choice", () => {
    const wide = attributesOf(select({}), "select").class!.split(" ");
    const fit = renderToStaticMarkup(
      <SelectField id="qty" label="Quantity" fit>
        <option>1</option>
      </SelectField>,
    );
    expect(wide).toContain("w-full");
    expect(attributesOf(fit, "select").class!.split(" ")).not.toContain("w-full");
  });
});

describe("TextField, on the same frame", () => {
  it("binds its label and hint as before, and marks an error", () => {
    const plain = renderToStaticMarkup(<TextField id="email" label="E-mail" type="email" />);
    expect(attributesOf(plain, "label").for).toBe("email");
    expect(attributesOf(plain, "input")).toMatchObject({ id: "email", type: "email" });
    expect(attributesOf(plain, "input")).not.toHaveProperty("aria-describedby");

    const wrong = renderToStaticMarkup(
      <TextField id="email" label="E-mail" hint="For the receipt" error="Not an address" />,
    );
    expect(attributesOf(wrong, "input")["aria-describedby"]).toBe("email-hint email-error");
    expect(attributesOf(wrong, "input")["aria-invalid"]).toBe("true");
  });
});
