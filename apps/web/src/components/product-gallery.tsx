"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

import { ProductImage } from "@omni/ui/product-image";

/** Views of a product, drawn from its hue: no image files. */
const views = [0, 24, -24];

export function ProductGallery({ title, hue, category }: { title: string; hue: number; category?: string }) {
  const t = useTranslations("product");
  const [current, setCurrent] = useState(0);
  return (
    <div data-testid="product-gallery" className="flex gap-2 md:flex-col">
      <div className="w-2/3 overflow-hidden rounded-2xl bg-slate-100 md:w-full">
        <ProductImage title={title} hue={(hue + views[current]! + 360) % 360} category={category} />
      </div>
      <div className="flex flex-col gap-2 md:flex-row" role="group" aria-label={t("gallery")}>
        {views.map((shift, index) => (
          <button
            key={shift}
            type="button"
            aria-label={t("view", { n: index + 1 })}
            aria-pressed={current === index}
            onClick={() => setCurrent(index)}
            className={`w-16 overflow-hidden rounded-lg ring-2 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${current === index ? "ring-slate-900" : "ring-transparent"}`}
          >
            <ProductImage title={title} hue={(hue + shift + 360) % 360} category={category} thumbnail />
          </button>
        ))}
      </div>
    </div>
  );
}
