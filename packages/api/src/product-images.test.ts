import fs from "node:fs";
import path from "node:path";

import sharp from "sharp";
import { afterAll, describe, expect, it, vi } from "vitest";

import { createTestDatabase } from "@omni/db/testing";

import { createImageRouteHandler } from "./images-route";
import { callerFor } from "./testing";

// The image store is a folder of this test's own (the setting is read when the domain loads, hence hoisted).
const imagesDir = vi.hoisted(async () => {
  const nodeFs = await import("node:fs");
  const nodeOs = await import("node:os");
  const nodePath = await import("node:path");
  const dir = nodeFs.mkdtempSync(nodePath.join(nodeOs.tmpdir(), "omni-images-test-"));
  vi.stubEnv("OMNI_IMAGES_DIR", dir);
  return dir;
});

const imagesDirPath = await imagesDir;
const t = await createTestDatabase();
afterAll(async () => {
  await t.close();
  fs.rmSync(imagesDirPath, { recursive: true, force: true });
});

const serve = createImageRouteHandler({ db: () => t.db });
const get = (id: string, width?: number) =>
  serve(new Request(`http://x/api/images/${id}${width ? `?w=${width}` : ""}`), { params: Promise.resolve({ id }) });

/** A 1200×900 photo-like PNG: a gradient, so resizing has something to do. */
const photo = () =>
  sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 200, g: 60, b: 40 } } })
    .composite([
      { input: Buffer.from(`<svg width="1200" height="900"><circle cx="600" cy="450" r="300" fill="navy"/></svg>`) },
    ])
    .png()
    .toBuffer();

describe("product images", () => {
  it("stores an uploaded picture and serves it resized, cached for a year", async () => {
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const [product] = await t.sql`select p.id, p.slug, v.options->>'colour' as colour from products p
      join variants v on v.product_id = p.id where p.active order by p.slug limit 1`;
    const image = await admin.products.uploadImage({
      productId: product!.id,
      colour: product!.colour,
      dataBase64: (await photo()).toString("base64"),
    });
    expect(image).toMatchObject({ width: 1200, height: 900, colour: product!.colour });
    expect(fs.existsSync(path.join(imagesDirPath, image.id, "original.webp"))).toBe(true);

    const response = await get(image.id, 300);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const served = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
    expect(served).toMatchObject({ format: "webp", width: 320, height: 240 });
    // The resized copy is kept, and a wider request than the picture is never enlarged.
    expect(fs.existsSync(path.join(imagesDirPath, image.id, "w320.webp"))).toBe(true);
    const big = await sharp(Buffer.from(await (await get(image.id, 5000)).arrayBuffer())).metadata();
    expect(big.width).toBe(1200);

    const shopper = await callerFor(t.db, "anonymous");
    const shown = await shopper.catalog.product({ slug: product!.slug });
    expect(shown.images).toEqual([{ id: image.id, colour: product!.colour, width: 1200, height: 900 }]);

    await admin.products.deleteImage({ imageId: image.id });
    expect((await get(image.id, 300)).status).toBe(404);
    expect((await shopper.catalog.product({ slug: product!.slug })).images).toEqual([]);
  });

  it("refuses what is not a picture, a colour the product lacks, and non-admins", async () => {
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const [product] = await t.sql`select id from products order by slug limit 1`;
    await expect(
      admin.products.uploadImage({
        productId: product!.id,
        dataBase64: Buffer.from("not an image").toString("base64"),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("not a picture") });
    await expect(
      admin.products.uploadImage({
        productId: product!.id,
        colour: "Ultraviolet",
        dataBase64: (await photo()).toString("base64"),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const manager = await callerFor(t.db, { email: "max@example.com" }, "admin");
    await expect(
      manager.products.uploadImage({ productId: product!.id, dataBase64: (await photo()).toString("base64") }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await t.sql`select count(*)::int n from product_images`)[0]!.n).toBe(0);
    expect((await get("not-a-uuid")).status).toBe(404);
    expect((await get("00000000-0000-4000-8000-000000000000", 320)).status).toBe(404);
  });
});
