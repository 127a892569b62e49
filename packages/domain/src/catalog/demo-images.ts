import { sql } from "drizzle-orm";
import sharp from "sharp";

import { productImages, type Database } from "@omni/db";

import { imageStoreFromSettings, type ImageStore } from "./image-store";

/** A demo picture: its name in the store (one per drawing and colour) and, when it must be made, its SVG. */
export type DemoPicture = { key: string; svg: () => string };

export const DEMO_PICTURE_WIDTH = 800;
export const DEMO_PICTURE_HEIGHT = 1000;

/**
 * Gives every product of the demo without a picture one per colour, stored through the image store like an upload:
 * the shop and the kiosk then show the platform's own pictures, served resized by `/api/images/<id>`. The drawing is
 * picked by the caller (the apps' drawings live in the UI package); each drawing × colour is rendered once and shared
 * by the products that look alike, under `demo/…` (deleting a product's picture removes only its own resized copies).
 * The synthetic benchmark products (`bench-…`) get none. Runs on every start of the demo and adds only what is missing.
 */
export async function seedDemoImages(
  db: Database,
  pictureFor: (product: { category: string; title: string }, colour: string | null) => DemoPicture,
  store: ImageStore = imageStoreFromSettings(),
): Promise<number> {
  const missing = await db.execute<{ id: string; category: string; title: string; colours: string[] }>(sql`
    select p.id, p.category_slug as category, p.title,
      coalesce(array_agg(distinct v.options->>'colour') filter (where v.options ? 'colour'), '{}') as colours
    from products p left join variants v on v.product_id = p.id
    where p.slug not like 'bench-%' and not exists (select 1 from product_images i where i.product_id = p.id)
    group by p.id order by p.slug`);
  if (!missing.length) return 0;
  const made = new Set<string>();
  const rows: (typeof productImages.$inferInsert)[] = [];
  for (const product of missing) {
    const colours = product.colours.length ? [...product.colours].sort() : [null];
    for (const [position, colour] of colours.entries()) {
      const picture = pictureFor(product, colour);
      const key = `demo/${picture.key}.webp`;
      if (!made.has(key) && !(await store.get(key))) {
        const data = await sharp(Buffer.from(picture.svg()))
          .resize(DEMO_PICTURE_WIDTH, DEMO_PICTURE_HEIGHT)
          .webp({ quality: 86 })
          .toBuffer();
        await store.put(key, data, "image/webp");
      }
      made.add(key);
      rows.push({
        productId: product.id,
        colour,
        position,
        storageKey: key,
        width: DEMO_PICTURE_WIDTH,
        height: DEMO_PICTURE_HEIGHT,
      });
    }
  }
  await db.insert(productImages).values(rows);
  return rows.length;
}
