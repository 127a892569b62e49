"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

import { Price } from "@omni/ui/price";
import { ProductImage } from "@omni/ui/product-image";
import { useTRPC } from "@omni/ui/trpc";

import { TouchIcon } from "./icons";
import { useKiosk } from "./kiosk-session";

/** Store name and featured products in turn; a touch anywhere starts. */
export function AttractScreen() {
  const t = useTranslations("attract");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const { kiosk } = useKiosk();
  const featured = useQuery(
    trpc.catalog.search.queryOptions({ limit: 8, sort: "relevance", locale: locale === "pl" ? "pl" : "en" }),
  );
  const items = featured.data?.items ?? [];
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setIndex((i) => i + 1), 4_000);
    return () => window.clearInterval(timer);
  }, []);
  const product = items.length ? items[index % items.length] : null;

  return (
    // A div with the button role: the whole screen is the touch target, and it holds headings.
    <div
      role="button"
      tabIndex={0}
      data-testid="attract-screen"
      onClick={() => router.push("/browse")}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") router.push("/browse");
      }}
      className="relative flex min-h-screen w-full cursor-pointer flex-col items-center justify-between overflow-hidden bg-gradient-to-b from-slate-900 to-slate-700 px-16 py-24 text-center text-white"
    >
      <div>
        <p className="text-3xl uppercase tracking-[0.3em] text-slate-300">{t("welcome")}</p>
        <h1 data-testid="attract-store-name" className="mt-4 text-7xl font-bold">
          {kiosk.storeName}
        </h1>
      </div>
      {product && (
        <div
          key={product.slug}
          data-testid="featured-product"
          className="flex w-full max-w-2xl motion-safe:animate-[fade_0.8s_ease-out] flex-col items-center gap-6"
        >
          <div className="w-[520px] overflow-hidden rounded-3xl shadow-2xl">
            <ProductImage
              title={product.title}
              hue={product.imageHue}
              category={product.category}
              imageId={product.imageId}
              sizes="720px"
              priority
            />
          </div>
          <p className="text-5xl font-semibold">{product.title}</p>
          <span className="rounded-full bg-white px-8 py-3">
            <Price
              priceMinor={product.priceMinor}
              listPriceMinor={product.listPriceMinor}
              currency={product.currency}
              locale={locale}
              size="xl"
            />
          </span>
        </div>
      )}
      <div className="flex flex-col items-center gap-6">
        <TouchIcon className="h-32 w-32 motion-safe:animate-bounce" />
        <p className="text-6xl font-bold">{t("touch")}</p>
        <p className="text-3xl text-slate-300">{t("services")}</p>
      </div>
    </div>
  );
}
