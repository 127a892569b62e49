"use client";

import { translator } from "@/lib/words";
import { useState } from "react";

import { ProductImage } from "@omni/ui/product-image";

import { useChosenColour } from "./chosen-colour";

type Picture = { id: string; colour: string | null };

/** The pictures to show for a colour: that colour's and those for every colour; all of them when it has none. */
export function picturesFor(images: Picture[], colour: string | undefined): Picture[] {
  const mine = images.filter((i) => !colour || i.colour === colour || i.colour === null);
  return mine.length ? mine : images;
}

/**
 * The product's stored pictures of the colour the shopper picked (the picture follows the colour); a product
 * without any shows its category's drawing.
 */
export function ProductGallery({
  title,
  hue,
  category,
  images,
  words,
}: {
  /** Its labels in the reader's language ("product" messages). */
  words: { gallery: string; view: string };
  title: string;
  hue: number;
  category?: string;
  images: Picture[];
}) {
  const t = translator(words);
  const { colour } = useChosenColour();
  const shown = picturesFor(images, colour);
  // The picked thumbnail, remembered with its colour: another colour starts at its first picture.
  const [picked, setPicked] = useState<{ colour: string | undefined; index: number }>({ colour, index: 0 });
  const current = picked.colour === colour ? picked.index : 0;
  const main = shown[Math.min(current, shown.length - 1)];
  return (
    <div data-testid="product-gallery" data-colour={colour} className="flex gap-2 md:flex-col">
      <div className="w-2/3 overflow-hidden rounded-2xl bg-slate-100 md:w-full">
        <ProductImage
          key={main?.id}
          title={title}
          hue={hue}
          category={category}
          imageId={main?.id}
          sizes="(min-width: 768px) 50vw, 66vw"
          priority
        />
      </div>
      {shown.length > 1 && (
        <div className="flex flex-col gap-2 md:flex-row" role="group" aria-label={t("gallery")}>
          {shown.map((picture, index) => (
            <button
              key={picture.id}
              type="button"
              aria-label={t("view", { n: index + 1 })}
              aria-pressed={main?.id === picture.id}
              onClick={() => setPicked({ colour, index })}
              className={`w-16 overflow-hidden rounded-lg ring-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${main?.id === picture.id ? "ring-slate-900" : "ring-transparent"}`}
            >
              <ProductImage title={title} hue={hue} category={category} imageId={picture.id} sizes="64px" thumbnail />
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
