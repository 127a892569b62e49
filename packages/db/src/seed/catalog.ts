import type { VariantOptions } from "../schema";
import { createRandom } from "./random";

type CategorySeed = {
  slug: string;
  name: string;
  namePl: string;
  finalSale?: boolean;
  nouns: string[];
  sizes: string[];
  price: [number, number];
};

export const seedCategories: CategorySeed[] = [
  {
    slug: "t-shirts",
    name: "T-shirts",
    namePl: "Koszulki",
    nouns: ["T-shirt", "Tee", "Henley", "Polo"],
    sizes: ["XS", "S", "M", "L", "XL"],
    price: [49, 149],
  },
  {
    slug: "shirts",
    name: "Shirts",
    namePl: "Koszule",
    nouns: ["Shirt", "Oxford Shirt", "Overshirt", "Linen Shirt"],
    sizes: ["S", "M", "L", "XL"],
    price: [129, 299],
  },
  {
    slug: "hoodies",
    name: "Hoodies & sweatshirts",
    namePl: "Bluzy",
    nouns: ["Hoodie", "Sweatshirt", "Zip Hoodie", "Crewneck"],
    sizes: ["S", "M", "L", "XL"],
    price: [149, 329],
  },
  {
    slug: "jeans",
    name: "Jeans & trousers",
    namePl: "Jeansy i spodnie",
    nouns: ["Jeans", "Chinos", "Cargo Trousers", "Joggers"],
    sizes: ["28", "30", "32", "34", "36"],
    price: [159, 399],
  },
  {
    slug: "jackets",
    name: "Jackets & coats",
    namePl: "Kurtki i płaszcze",
    nouns: ["Parka", "Rain Jacket", "Puffer Jacket", "Wool Coat"],
    sizes: ["S", "M", "L", "XL"],
    price: [299, 899],
  },
  {
    slug: "dresses",
    name: "Dresses & skirts",
    namePl: "Sukienki i spódnice",
    nouns: ["Midi Dress", "Wrap Dress", "Pleated Skirt", "Shirt Dress"],
    sizes: ["XS", "S", "M", "L"],
    price: [149, 449],
  },
  {
    slug: "shoes",
    name: "Shoes",
    namePl: "Buty",
    nouns: ["Sneakers", "Chelsea Boots", "Loafers", "Trail Runners"],
    sizes: ["38", "39", "40", "41", "42", "43", "44", "45"],
    price: [199, 699],
  },
  {
    slug: "accessories",
    name: "Bags & accessories",
    namePl: "Torby i dodatki",
    nouns: ["Tote Bag", "Backpack", "Beanie", "Scarf", "Belt", "Cap"],
    sizes: ["One size"],
    price: [39, 299],
  },
  {
    slug: "underwear",
    name: "Underwear & socks",
    namePl: "Bielizna i skarpety",
    finalSale: true,
    nouns: ["Socks 3-pack", "Boxer Briefs 2-pack", "Bralette", "Thermal Leggings"],
    sizes: ["S", "M", "L"],
    price: [29, 119],
  },
];

const adjectives = [
  "Classic",
  "Relaxed",
  "Slim",
  "Organic",
  "Heritage",
  "Everyday",
  "Urban",
  "Coastal",
  "Nordic",
  "Vintage",
  "Essential",
  "Tailored",
  "Soft",
  "Recycled",
  "Studio",
  "Alpine",
];
const materials = [
  "Cotton",
  "Linen",
  "Merino",
  "Denim",
  "Fleece",
  "Corduroy",
  "Jersey",
  "Twill",
  "Canvas",
  "Wool-blend",
  "Ripstop",
  "Suede",
];
const colours = ["Black", "White", "Navy", "Olive", "Sand", "Burgundy", "Grey", "Sky Blue", "Rust", "Forest Green"];
const fits = ["a relaxed fit", "a regular fit", "a slim fit", "an easy, boxy fit"];
const details = [
  "double-stitched seams that keep their shape wash after wash",
  "a soft brushed finish on the inside",
  "recycled fibres and a low-impact dye",
  "reinforced pockets and a durable hem",
  "a breathable weave for warm city days",
  "a water-repellent finish that shrugs off drizzle",
];

export type SeedProduct = {
  slug: string;
  title: string;
  description: string;
  categorySlug: string;
  featured: boolean;
  imageHue: number;
  variants: { sku: string; title: string; options: VariantOptions; priceMinor: number; position: number }[];
};

const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^-|-$)/g, "");

/** The demo catalogue: `perCategory` products in every category, the same every time. */
export function generateCatalog(perCategory = 27, seed = 42): SeedProduct[] {
  const random = createRandom(seed);
  const products: SeedProduct[] = [];
  const usedSlugs = new Set<string>();
  let n = 0;
  for (const category of seedCategories) {
    for (let i = 0; i < perCategory; i++) {
      n++;
      const title = `${random.pick(adjectives)} ${random.pick(materials)} ${random.pick(category.nouns)}`;
      let slug = slugify(title);
      if (usedSlugs.has(slug)) slug = `${slug}-${n}`;
      usedSlugs.add(slug);
      const price = random.int(category.price[0], category.price[1]) * 100 + 99;
      const colourCount = category.sizes.length === 1 ? random.int(1, 3) : random.int(1, 2);
      const productColours = [...new Set(Array.from({ length: colourCount }, () => random.pick(colours)))];
      const code = `${category.slug.slice(0, 3).toUpperCase()}${String(n).padStart(4, "0")}`;
      const variants: SeedProduct["variants"] = [];
      let position = 0;
      for (const colour of productColours) {
        for (const size of category.sizes) {
          const sizeCode = size === "One size" ? "OS" : size;
          variants.push({
            sku: `${code}-${slugify(colour).toUpperCase().slice(0, 3)}-${sizeCode}`,
            title: size === "One size" ? colour : `${colour} / ${size}`,
            options: size === "One size" ? { colour } : { size, colour },
            priceMinor: price,
            position: position++,
          });
        }
      }
      products.push({
        slug,
        title,
        description: `A ${title.toLowerCase()} with ${random.pick(fits)} and ${random.pick(details)}. Designed in Kraków and made to be worn for years; machine-washable at 30°C.`,
        categorySlug: category.slug,
        featured: i < 2,
        imageHue: random.int(0, 359),
        variants,
      });
    }
  }
  return products;
}

export type StockPattern = "everywhere" | "out_everywhere" | "online_only" | "one_store" | "low";

/** How a product's stock is spread, chosen so that the demo shows every case the shop must handle. */
export function stockPatternFor(index: number): StockPattern {
  if (index % 17 === 5) return "out_everywhere";
  if (index % 13 === 3) return "online_only";
  if (index % 11 === 4) return "one_store";
  if (index % 7 === 2) return "low";
  return "everywhere";
}
