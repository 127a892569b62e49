import Papa from "papaparse";
import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { callerFor, httpHandler } from "./testing";

const t = await createTestDatabase();
afterAll(() => t.close());

const admin = () => callerFor(t.db, { email: "admin@example.com" }, "admin");

/** Everything the catalogue holds about products and variants, to compare before and after. */
const catalogueState = () => t.sql`
  select p.slug, p.title, p.title_pl, p.description, p.description_pl, p.category_slug, p.vat_rate, p.active, p.featured,
         v.sku, v.ean, v.title as variant_title, v.options, v.price_minor, v.unit_cost_minor, v.active as variant_active, v.position
  from variants v join products p on p.id = v.product_id order by v.sku`;
const stockState = () => t.sql`select location_id, sku, on_hand from stock_levels order by location_id, sku`;

const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
const unparse = (rows: Record<string, string>[]) => Papa.unparse(rows);
type RowError = { line: number; column?: string; reason: string; params?: Record<string, unknown>; message: string };
/** The rows a refused import names, as the domain gives them to the API (the HTTP test reads them from the answer). */
const rowErrorsOf = (error: unknown) => (error as { cause: { details: { errors: RowError[] } } }).cause.details.errors;

describe("products CSV", () => {
  it("round-trips: exporting, importing the file back and exporting again loses nothing", async () => {
    const api = await admin();
    // Quotes, commas, new lines and Polish letters are what break hand-written CSV.
    await t.sql`update products set description_pl = 'Lekka, "miękka" bawełna;
druga linia — żółć' where slug = (select slug from products order by slug limit 1)`;
    const before = await catalogueState();
    const { csv } = await api.products.exportCsv();
    expect(rowsOf(csv)).toHaveLength(before.length);
    const result = await api.products.importCsv({ csv });
    expect(result).toMatchObject({ productsCreated: 0, variantsCreated: 0, variantsUpdated: before.length });
    expect(await catalogueState()).toEqual(before);
    expect((await api.products.exportCsv()).csv).toBe(csv);
  });

  it("creates and updates from a spreadsheet (a BOM and semicolons, as Excel writes them)", async () => {
    const api = await admin();
    const rows = rowsOf((await api.products.exportCsv({ categorySlug: "jackets" })).csv);
    const first = rows[0]!;
    const edited = [
      { ...first, price_minor: "4242", title_pl: "Nowy tytuł" },
      {
        ...first,
        sku: "CSV-NEW-1",
        ean: "",
        variant_title: "",
        size: "XXL",
        price_minor: "9900",
        title_pl: "Nowy tytuł",
      },
      {
        ...first,
        slug: "csv-brand-new",
        sku: "CSV-NEW-2",
        ean: "4006381333931",
        title: "CSV Coat",
        title_pl: "Płaszcz z CSV",
      },
    ];
    const csv = "\uFEFF" + Papa.unparse(edited, { delimiter: ";" });
    const result = await api.products.importCsv({ csv });
    expect(result).toMatchObject({ productsCreated: 1, productsUpdated: 1, variantsCreated: 2, variantsUpdated: 1 });
    const [updated] =
      await t.sql`select v.price_minor, p.title_pl from variants v join products p on p.id = v.product_id where v.sku = ${first.sku!}`;
    expect(updated).toMatchObject({ price_minor: 4242, title_pl: "Nowy tytuł" });
    const [added] = await t.sql`select title, options from variants where sku = 'CSV-NEW-1'`;
    expect(added!.options).toEqual({ size: "XXL", colour: first.colour });
  });

  it("names every bad row and changes nothing", async () => {
    const api = await admin();
    const before = await catalogueState();
    const rows = rowsOf((await api.products.exportCsv({ categorySlug: "hoodies" })).csv).slice(0, 4);
    const bad: Record<string, string>[] = [
      { ...rows[0]!, price_minor: "12,50" },
      { ...rows[1]!, ean: "5901234123450" },
      { ...rows[2]!, category: "no-such-category", title: rows[2]!.title },
      { ...rows[3]!, sku: rows[0]!.sku },
      // A valid change in the same file must not be written either.
      { ...rows[3]!, sku: "CSV-OK-ROW", price_minor: "100", title: "Changed" },
    ];
    const error = await api.products.importCsv({ csv: unparse(bad) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    // Each row carries a reason and its parameters, which the admin words in the clerk's language.
    expect(rowErrorsOf(error)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, column: "price_minor", reason: "whole_number" }),
        expect.objectContaining({ line: 3, column: "ean", reason: "ean_check" }),
        expect.objectContaining({
          line: 5,
          column: "sku",
          reason: "sku_repeated",
          params: { sku: rows[0]!.sku, otherLine: 2 },
        }),
      ]),
    );
    expect(await catalogueState()).toEqual(before);
    // Over HTTP the answer is 400 and lists the rows for the admin screen.
    const { userId } = (await t.sql`select id as "userId" from users where email = 'admin@example.com'`)[0]!;
    const response = await httpHandler(t.db, "admin")(
      new Request("http://x/api/trpc/products.importCsv", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ json: { csv: unparse(bad) } }),
      }),
      { userId },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { json: { data: { rowErrors: RowError[] } } } };
    expect(body.error.json.data.rowErrors.map((e) => e.line)).toEqual(rowErrorsOf(error).map((e) => e.line));
    // A category that does not exist is found in the second pass, and still refuses the file.
    const onlyCategory = await api.products
      .importCsv({ csv: unparse([{ ...rows[2]!, category: "nope" }]) })
      .catch((e) => e);
    expect(onlyCategory).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining('no category "nope"') });
    expect(rowErrorsOf(onlyCategory)).toEqual([
      expect.objectContaining({ line: 2, reason: "category_unknown", params: { category: "nope" } }),
    ]);
    await expect(api.products.importCsv({ csv: "slug,title\nx,y" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("title_pl"),
    });
    expect(await catalogueState()).toEqual(before);
  });
});

describe("stock CSV", () => {
  it("round-trips and sets counts through stock movements", async () => {
    const api = await admin();
    const before = await stockState();
    const { csv } = await api.inventory.exportCsv();
    expect(await api.inventory.importCsv({ csv, reason: "Round trip" })).toMatchObject({ changed: 0 });
    expect(await stockState()).toEqual(before);

    const [row] =
      await t.sql`select sku, on_hand from stock_levels where location_id = 'krakow' and held = 0 order by sku limit 1`;
    const result = await api.inventory.importCsv({
      csv: `location_id,sku,on_hand\nkrakow,${row!.sku},${row!.on_hand + 5}\n`,
      reason: "Stocktake",
    });
    expect(result).toEqual({ rows: 1, changed: 1 });
    const [movement] = await t.sql`select reason, note, on_hand_delta from stock_movements
      where sku = ${row!.sku} and location_id = 'krakow' order by created_at desc limit 1`;
    expect(movement).toMatchObject({ reason: "cycle_count", note: "CSV import: Stocktake", on_hand_delta: 5 });
  });

  it("names every bad row and changes nothing", async () => {
    const api = await admin();
    const before = await stockState();
    const [a, b] = await t.sql`select sku from stock_levels where location_id = 'krakow' order by sku limit 2`;
    const csv = [
      "location_id,sku,on_hand",
      `krakow,${a!.sku},999`,
      `krakow,${b!.sku},-1`,
      `atlantis,${b!.sku},3`,
      `krakow,NO-SUCH-SKU,3`,
    ].join("\n");
    const error = await api.inventory.importCsv({ csv, reason: "Bad file" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(rowErrorsOf(error).map((e) => [e.line, e.column, e.reason, e.params])).toEqual([
      [3, "on_hand", "whole_number", { column: "on_hand" }],
      [4, "location_id", "location_unknown", { location: "atlantis" }],
      [5, "sku", "sku_unknown", { sku: "NO-SUCH-SKU" }],
    ]);
    expect(await stockState()).toEqual(before);
    // A manager of one store cannot import counts for another.
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    await expect(manager.inventory.importCsv({ csv, reason: "x" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
