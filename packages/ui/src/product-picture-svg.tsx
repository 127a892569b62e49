/** @jsxRuntime automatic @jsxImportSource react */
// The pragma: this file also runs under tsx in the seed script, outside the apps' JSX settings.
import { renderToStaticMarkup } from "react-dom/server";

import { drawingFor, drawingKeyFor } from "./product-drawings";

/** The garment colours of the catalogue (a variant's `options.colour`) as paint; others get a neutral slate. */
const paint: Record<string, string> = {
  Black: "#26282b",
  White: "#f7f6f2",
  Navy: "#1f2d4f",
  Olive: "#6b6d3a",
  Sand: "#d6c19a",
  Burgundy: "#6e1f31",
  Grey: "#8b8f94",
  "Sky Blue": "#8ec5ea",
  Rust: "#b3542b",
  "Forest Green": "#2f5d3b",
  Yellow: "#e8c02e",
  Red: "#c0302b",
  Blue: "#2d5fa8",
  Green: "#3f8a48",
  Brown: "#6b4a2f",
  Beige: "#e1cfb0",
  Pink: "#e7a3b6",
};

/** `#rrggbb` mixed towards black by `amount` (0–1): the seams and details of a garment. */
function darker(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const channel = (shift: number) => Math.round(((n >> shift) & 255) * (1 - amount));
  return `rgb(${channel(16)} ${channel(8)} ${channel(0)})`;
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/**
 * The demo's stored picture of a product in a colour, as SVG for the image store to rasterise: the category's drawing
 * in the garment's colour on a studio backdrop, with a soft light from the upper left and a floor shadow, so that the
 * shop shows something closer to a product photo than a flat icon. One picture per drawing and colour (`key`).
 */
export function demoProductPicture(
  product: { category: string; title: string },
  colour: string | null,
): { key: string; svg: () => string } {
  const drawing = drawingKeyFor(product.category, product.title);
  const fill = (colour && paint[colour]) || "#5c6b7a";
  return {
    key: `${drawing}-${slug(colour ?? "any")}`,
    svg: () => {
      const draw = drawingFor(product.category, product.title);
      // A white garment needs a darker backdrop to stand out; every other colour sits on a light one.
      const backdrop = fill === paint.White ? ["#d9dde2", "#b9c0c8"] : ["#f3f1ed", "#dcd7cf"];
      return renderToStaticMarkup(
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 500" width="800" height="1000">
          <defs>
            <radialGradient id="backdrop" cx="0.4" cy="0.3" r="0.9">
              <stop offset="0" stopColor={backdrop[0]} />
              <stop offset="1" stopColor={backdrop[1]} />
            </radialGradient>
            <linearGradient id="light" x1="0" y1="0" x2="1" y2="1">
              <stop offset="0" stopColor="white" stopOpacity="0.28" />
              <stop offset="0.45" stopColor="white" stopOpacity="0" />
              <stop offset="1" stopColor="black" stopOpacity="0.3" />
            </linearGradient>
            <filter id="blur" x="-20%" y="-50%" width="140%" height="200%">
              <feGaussianBlur stdDeviation="9" />
            </filter>
          </defs>
          <rect width="400" height="500" fill="url(#backdrop)" />
          <ellipse cx="200" cy="452" rx="150" ry="16" fill="black" opacity="0.22" filter="url(#blur)" />
          {draw(fill, darker(fill.startsWith("#") ? fill : "#5c6b7a", 0.38))}
          {/* The same shape again, painted with light only: highlights and shadow over the colour. */}
          {draw("url(#light)", "transparent")}
        </svg>,
      );
    },
  };
}
