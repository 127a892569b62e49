import type { VariantOptions } from "../schema";
import { createRandom } from "./random";

type Gender = "m" | "f" | "p";

type CategorySeed = {
  slug: string;
  name: string;
  namePl: string;
  finalSale?: boolean;
  nouns: string[];
  nounsPl: [string, Gender][];
  sizes: string[];
  price: [number, number];
};

export const seedCategories: CategorySeed[] = [
  {
    slug: "t-shirts",
    name: "T-shirts",
    namePl: "Koszulki",
    nouns: ["T-shirt", "Tee", "Henley", "Polo"],
    /** The same nouns in Polish with their gender (m, f, or p for plural), for adjective agreement. */
    nounsPl: [
      ["koszulka", "f"],
      ["koszulka basic", "f"],
      ["koszulka z guzikami", "f"],
      ["koszulka polo", "f"],
    ],
    sizes: ["XS", "S", "M", "L", "XL"],
    price: [49, 149],
  },
  {
    slug: "shirts",
    name: "Shirts",
    namePl: "Koszule",
    nouns: ["Shirt", "Oxford Shirt", "Overshirt", "Linen Shirt"],
    /** The same nouns in Polish with their gender (m, f, or p for plural), for adjective agreement. */
    nounsPl: [
      ["koszula", "f"],
      ["koszula oksfordzka", "f"],
      ["koszula wierzchnia", "f"],
      ["koszula lniana", "f"],
    ],
    sizes: ["S", "M", "L", "XL"],
    price: [129, 299],
  },
  {
    slug: "hoodies",
    name: "Hoodies & sweatshirts",
    namePl: "Bluzy",
    nouns: ["Hoodie", "Sweatshirt", "Zip Hoodie", "Crewneck"],
    /** The same nouns in Polish with their gender (m, f, or p for plural), for adjective agreement. */
    nounsPl: [
      ["bluza z kapturem", "f"],
      ["bluza", "f"],
      ["bluza rozpinana z kapturem", "f"],
      ["bluza bez kaptura", "f"],
    ],
    sizes: ["S", "M", "L", "XL"],
    price: [149, 329],
  },
  {
    slug: "jeans",
    name: "Jeans & trousers",
    namePl: "Jeansy i spodnie",
    nouns: ["Jeans", "Chinos", "Cargo Trousers", "Joggers"],
    /** The same nouns in Polish with their gender (m, f, or p for plural), for adjective agreement. */
    nounsPl: [
      ["jeansy", "p"],
      ["chinosy", "p"],
      ["spodnie bojówki", "p"],
      ["spodnie dresowe", "p"],
    ],
    sizes: ["28", "30", "32", "34", "36"],
    price: [159, 399],
  },
  {
    slug: "jackets",
    name: "Jackets & coats",
    namePl: "Kurtki i płaszcze",
    nouns: ["Parka", "Rain Jacket", "Puffer Jacket", "Wool Coat"],
    /** The same nouns in Polish with their gender (m, f, or p for plural), for adjective agreement. */
    nounsPl: [
      ["parka", "f"],
      ["kurtka przeciwdeszczowa", "f"],
      ["kurtka puchowa", "f"],
      ["płaszcz wełniany", "m"],
    ],
    sizes: ["S", "M", "L", "XL"],
    price: [299, 899],
  },
  {
    slug: "dresses",
    name: "Dresses & skirts",
    namePl: "Sukienki i spódnice",
    nouns: ["Midi Dress", "Wrap Dress", "Pleated Skirt", "Shirt Dress"],
    /** The same nouns in Polish with their gender (m, f, or p for plural), for adjective agreement. */
    nounsPl: [
      ["sukienka midi", "f"],
      ["sukienka kopertowa", "f"],
      ["spódnica plisowana", "f"],
      ["sukienka koszulowa", "f"],
    ],
    sizes: ["XS", "S", "M", "L"],
    price: [149, 449],
  },
  {
    slug: "shoes",
    name: "Shoes",
    namePl: "Buty",
    nouns: ["Sneakers", "Chelsea Boots", "Loafers", "Trail Runners"],
    /** The same nouns in Polish with their gender (m, f, or p for plural), for adjective agreement. */
    nounsPl: [
      ["tenisówki", "p"],
      ["sztyblety", "p"],
      ["mokasyny", "p"],
      ["buty do biegania w terenie", "p"],
    ],
    sizes: ["38", "39", "40", "41", "42", "43", "44", "45"],
    price: [199, 699],
  },
  {
    slug: "accessories",
    name: "Bags & accessories",
    namePl: "Torby i dodatki",
    nouns: ["Tote Bag", "Backpack", "Beanie", "Scarf", "Belt", "Cap"],
    /** The same nouns in Polish with their gender (m, f, or p for plural), for adjective agreement. */
    nounsPl: [
      ["torba na ramię", "f"],
      ["plecak", "m"],
      ["czapka zimowa", "f"],
      ["szalik", "m"],
      ["pasek", "m"],
      ["czapka z daszkiem", "f"],
    ],
    sizes: ["One size"],
    price: [39, 299],
  },
  {
    slug: "underwear",
    name: "Underwear & socks",
    namePl: "Bielizna i skarpety",
    finalSale: true,
    nouns: ["Socks 3-pack", "Boxer Briefs 2-pack", "Bralette", "Thermal Leggings"],
    /** The same nouns in Polish with their gender (m, f, or p for plural), for adjective agreement. */
    nounsPl: [
      ["skarpety, 3 pary", "p"],
      ["bokserki, 2 pary", "p"],
      ["biustonosz bez fiszbin", "m"],
      ["legginsy termoaktywne", "p"],
    ],
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
/** Polish forms of `adjectives`, in the same order: masculine, feminine, plural. */
const adjectivesPl: [string, string, string][] = [
  ["klasyczny", "klasyczna", "klasyczne"],
  ["luźny", "luźna", "luźne"],
  ["dopasowany", "dopasowana", "dopasowane"],
  ["ekologiczny", "ekologiczna", "ekologiczne"],
  ["tradycyjny", "tradycyjna", "tradycyjne"],
  ["codzienny", "codzienna", "codzienne"],
  ["miejski", "miejska", "miejskie"],
  ["nadmorski", "nadmorska", "nadmorskie"],
  ["skandynawski", "skandynawska", "skandynawskie"],
  ["retro", "retro", "retro"],
  ["podstawowy", "podstawowa", "podstawowe"],
  ["taliowany", "taliowana", "taliowane"],
  ["miękki", "miękka", "miękkie"],
  ["recyklingowy", "recyklingowa", "recyklingowe"],
  ["designerski", "designerska", "designerskie"],
  ["alpejski", "alpejska", "alpejskie"],
];
/** Polish "made of …" for `materials`, in the same order. */
const materialsPl = [
  "z bawełny",
  "z lnu",
  "z wełny merino",
  "z denimu",
  "z polaru",
  "ze sztruksu",
  "z dzianiny",
  "z diagonalu",
  "z płótna",
  "z mieszanki wełny",
  "z tkaniny ripstop",
  "z zamszu",
];
const colours = ["Black", "White", "Navy", "Olive", "Sand", "Burgundy", "Grey", "Sky Blue", "Rust", "Forest Green"];
const fits = ["a relaxed fit", "a regular fit", "a slim fit", "an easy, boxy fit"];
const fitsPl = ["luźnym kroju", "klasycznym kroju", "dopasowanym kroju", "swobodnym, pudełkowym kroju"];
const details = [
  "double-stitched seams that keep their shape wash after wash",
  "a soft brushed finish on the inside",
  "recycled fibres and a low-impact dye",
  "reinforced pockets and a durable hem",
  "a breathable weave for warm city days",
  "a water-repellent finish that shrugs off drizzle",
];
const detailsPl = [
  "podwójnymi szwami, które trzymają formę pranie po praniu",
  "miękkim, drapanym wykończeniem od środka",
  "włóknami z recyklingu i barwnikiem przyjaznym środowisku",
  "wzmocnionymi kieszeniami i trwałym obrębieniem",
  "przewiewnym splotem na ciepłe dni w mieście",
  "wykończeniem odpychającym wodę, któremu mżawka nie straszna",
];

export type SeedProduct = {
  slug: string;
  title: string;
  titlePl: string;
  description: string;
  descriptionPl: string;
  categorySlug: string;
  featured: boolean;
  imageHue: number;
  variants: {
    sku: string;
    ean: string;
    title: string;
    options: VariantOptions;
    priceMinor: number;
    position: number;
  }[];
};

const slugify = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/(^-|-$)/g, "");

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function describe(title: string, titlePl: string, fit: number, detail: number) {
  return {
    description: `A ${title.toLowerCase()} with ${fits[fit]} and ${details[detail]}. Designed in Kraków and made to be worn for years; machine-washable at 30°C.`,
    descriptionPl: `${titlePl} o ${fitsPl[fit]}, z ${detailsPl[detail]}. Zaprojektowane w Krakowie, by służyć latami; można prać w pralce w 30°C.`,
  };
}

/** A valid EAN-13 in the Polish GS1 prefix (590), derived from the SKU so that it is the same every time. */
export function eanFor(sku: string): string {
  let hash = 0;
  for (const c of sku) hash = (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0;
  const body = `590${String(hash % 1_000_000_000).padStart(9, "0")}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return body + ((10 - (sum % 10)) % 10);
}

/** The demo catalogue: `perCategory` products in every category, the same every time. */
export function generateCatalog(perCategory = 27, seed = 42): SeedProduct[] {
  const random = createRandom(seed);
  const products: SeedProduct[] = [];
  const usedSlugs = new Set<string>();
  let n = 0;
  for (const category of seedCategories) {
    for (let i = 0; i < perCategory; i++) {
      n++;
      const [adjective, material, noun] = [
        random.index(adjectives.length),
        random.index(materials.length),
        random.index(category.nouns.length),
      ];
      const title = `${adjectives[adjective]} ${materials[material]} ${category.nouns[noun]}`;
      const [nounPl, gender] = category.nounsPl[noun]!;
      const adjectivePl = adjectivesPl[adjective]![gender === "m" ? 0 : gender === "f" ? 1 : 2];
      const titlePl = capitalise(`${adjectivePl} ${nounPl} ${materialsPl[material]}`);
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
          const sku = `${code}-${slugify(colour).toUpperCase().slice(0, 3)}-${sizeCode}`;
          variants.push({
            sku,
            ean: eanFor(sku),
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
        titlePl,
        ...describe(title, titlePl, random.index(fits.length), random.index(details.length)),
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
