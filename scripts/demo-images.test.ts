import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { localImageStore, readProductImage, seedDemoImages } from "@omni/domain/catalog";
import { demoProductPicture } from "@omni/ui/product-picture-svg";

const t = await createTestDatabase();
const root = fs.mkdtempSync(path.join(os.tmpdir(), "omni-demo-images-"));
afterAll(async () => {
  await t.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("the demo's product pictures", () => {
  it("differ between every two categories, and between colours", async () => {
    // Every category of the demo, and a cap among the accessories (caps and bags are drawn apart).
    const categories = [
      ...(await t.sql`select slug from categories`).map((c) => ({ category: c.slug as string, title: "Thing" })),
      { category: "accessories", title: "Wool Cap" },
    ];
    const pictures = categories.map((c) => demoProductPicture(c, "Navy"));
    expect(new Set(pictures.map((p) => p.key)).size).toBe(categories.length);
    expect(new Set(pictures.map((p) => p.svg())).size).toBe(categories.length);
    const jeans = { category: "jeans", title: "Slim Jeans" };
    expect(demoProductPicture(jeans, "Navy").svg()).not.toBe(demoProductPicture(jeans, "Black").svg());
  });

  it("are stored like uploads, one per product and colour, served resized, and added only once", async () => {
    const store = localImageStore(root);
    // A small stand-in drawing keeps the test quick; the keys are the real ones.
    const small = (product: { category: string; title: string }, colour: string | null) => ({
      key: demoProductPicture(product, colour).key,
      svg: () => `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="50"><rect width="40" height="50"/></svg>`,
    });
    const added = await seedDemoImages(t.db, small, store);
    const [expected] = await t.sql`
      select count(*)::int as n from (select distinct p.id, v.options->>'colour' from products p
        join variants v on v.product_id = p.id where p.slug not like 'bench-%') x`;
    expect(added).toBe(expected!.n);
    const [jeans] = await t.sql`
      select i.id, i.colour, i.storage_key from product_images i join products p on p.id = i.product_id
      where p.category_slug = 'jeans' order by i.position limit 1`;
    expect(jeans!.storage_key).toBe(
      `demo/jeans-${String(jeans!.colour)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")}.webp`,
    );
    const served = await readProductImage(t.db, { imageId: jeans!.id as string, width: 320 }, store);
    expect(served.contentType).toBe("image/webp");
    expect(served.width).toBe(320);
    expect(served.data.subarray(8, 12).toString("ascii")).toBe("WEBP");
    expect(await seedDemoImages(t.db, small, store)).toBe(0);
  });
});
