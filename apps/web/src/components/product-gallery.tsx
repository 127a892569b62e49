"use client";

import { picturesFor, type Picture } from "@/lib/pictures";
import { translator } from "@/lib/words";
import { Fragment, useState, type ReactNode } from "react";

import { useChosenColour } from "./chosen-colour";

/**
 * The product's stored pictures of the colour the shopper picked (the picture follows the colour); a product
 * without any shows its category's drawing. The pictures themselves (`views`, `thumbs` by picture id, and the
 * drawing as `fallback`) are rendered on the server and handed in: this island only chooses which one shows, so
 * the page ships no image code.
 */
export function ProductGallery({
  images,
  views,
  thumbs,
  fallback,
  words,
}: {
  images: Picture[];
  views: Record<string, ReactNode>;
  thumbs: Record<string, ReactNode>;
  fallback: ReactNode;
  /** Its labels in the reader's language ("product" messages). */
  words: { gallery: string; view: string };
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
        <Fragment key={main?.id}>{main ? views[main.id] : fallback}</Fragment>
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
              {thumbs[picture.id]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
