import { auth } from "@/auth";
import { BackInStock } from "@/components/back-in-stock";
import { ChosenColourProvider } from "@/components/chosen-colour";
import { LiveRecommendations } from "@/components/live-recommendations";
import { ProductGallery } from "@/components/product-gallery";
import { ProductPurchase } from "@/components/product-purchase";
import { ProductRecommendations } from "@/components/product-recommendations";
import { ProductReviews } from "@/components/product-reviews";
import { lang } from "@/lib/lang";
import { picturesFor } from "@/lib/pictures";
import { preferredStoreId } from "@/lib/preferred-store";
import { orNull } from "@/lib/trpc-errors";
import { serverApi } from "@/server/api";
import { wordsOf } from "@/server/words";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";

import { minorToDecimal } from "@omni/core";
import { ProductImage } from "@omni/ui/product-image";
import { RatingStars } from "@omni/ui/rating-stars";

export const dynamic = "force-dynamic";

/** The gallery's main picture: two thirds of a phone's width, half of a wider page (at most 72rem). */
const mainPictureSizes = "(min-width: 1152px) 576px, (min-width: 768px) 50vw, 66vw";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ sku?: string }> };

const loadProduct = cache(async (slug: string) =>
  orNull(
    (await serverApi()).catalog.product({
      slug: decodeURIComponent(slug).slice(0, 200),
      locale: lang(await getLocale()),
    }),
  ),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const product = await loadProduct((await params).slug);
  if (!product) return {};
  const description = product.description.slice(0, 160);
  return { title: product.title, description, openGraph: { title: product.title, description, type: "website" } };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const { sku } = await searchParams;
  const product = await loadProduct(slug);
  if (!product) notFound();
  // Stock is read fresh on every request: it is what the shopper acts on. Asked for at once, beside the rest.
  const stock = serverApi().then((api) =>
    Promise.all([
      api.stores.list(),
      Promise.all(product.variants.map((v) => api.inventory.availability({ sku: v.sku }))),
    ]),
  );
  const [[stores, availability], locale, t, storeId, session, words, reserveWords, engagementWords] = await Promise.all(
    [
      stock,
      getLocale(),
      getTranslations("product"),
      preferredStoreId(),
      auth(),
      wordsOf("product"),
      wordsOf("reserve"),
      wordsOf("engagement"),
    ],
  );
  const inStock = availability.some((a) => a.online > 0 || a.locations.some((l) => l.available > 0));
  const cheapest = [...product.variants].sort((a, b) => a.priceMinor - b.priceMinor)[0];
  // The colour shown first: the linked variant's, else the first that can be delivered. Sizes are left to the shopper.
  const firstColour = (
    product.variants.find((v) => v.sku === sku) ??
    product.variants.find((_, i) => availability[i]!.online > 0) ??
    product.variants[0]
  )?.options.colour;
  // The gallery's pictures are rendered here; the first one shown (of the first colour) is the page's largest paint.
  const pictureOf = { title: product.title, hue: product.imageHue, category: product.category };
  const firstPicture = picturesFor(product.images, firstColour)[0]?.id;
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    description: product.description,
    sku: product.variants[0]?.sku,
    category: locale === "pl" ? product.categoryNamePl : product.categoryName,
    offers: product.variants.map((v, i) => {
      const a = availability[i]!;
      const available = a.online > 0 || a.locations.some((l) => l.available > 0);
      return {
        "@type": "Offer",
        sku: v.sku,
        name: v.title,
        price: minorToDecimal(v.priceMinor),
        priceCurrency: v.currency,
        availability: available ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      };
    }),
    // Verified buyers' published ratings, for search engines' stars.
    ...(product.rating.count && product.rating.average !== null
      ? {
          aggregateRating: {
            "@type": "AggregateRating",
            ratingValue: product.rating.average,
            reviewCount: product.rating.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
  };
  // Variants that some location lacks: a shopper may ask to be told when they are back there.
  const missingSomewhere = product.variants.filter((_, i) => {
    const a = availability[i]!;
    return a.online <= 0 || a.locations.some((l) => l.available <= 0);
  });
  return (
    <article className="space-y-6">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
      <nav aria-label={t("breadcrumb")} className="text-sm text-slate-600">
        <Link href="/" className="hover:underline">
          {t("home")}
        </Link>{" "}
        /{" "}
        <Link href={`/c/${product.category}`} className="hover:underline">
          {locale === "pl" ? product.categoryNamePl : product.categoryName}
        </Link>
      </nav>
      <ChosenColourProvider initial={firstColour}>
        <div className="grid gap-6 md:grid-cols-2">
          <ProductGallery
            images={product.images}
            views={Object.fromEntries(
              product.images.map((picture) => [
                picture.id,
                <ProductImage
                  key={picture.id}
                  {...pictureOf}
                  imageId={picture.id}
                  sizes={mainPictureSizes}
                  priority={picture.id === firstPicture}
                />,
              ]),
            )}
            thumbs={Object.fromEntries(
              product.images.map((picture) => [
                picture.id,
                <ProductImage key={picture.id} {...pictureOf} imageId={picture.id} sizes="64px" thumbnail />,
              ]),
            )}
            fallback={<ProductImage {...pictureOf} sizes={mainPictureSizes} priority />}
            words={{ gallery: words.gallery, view: words.view }}
          />
          <div className="space-y-4">
            <h1 data-testid="product-title" className="text-2xl font-bold sm:text-3xl">
              {product.title}
            </h1>
            <RatingStars rating={product.rating} locale={locale} showEmpty />
            <ProductPurchase
              product={product}
              stores={stores.filter((s) => s.type === "store")}
              initialAvailability={availability}
              initialSku={sku}
              preferredStoreId={storeId}
              signedIn={!!session?.user}
              defaultName={session?.user?.name ?? ""}
              defaultEmail={session?.user?.email ?? ""}
              words={words}
              reserveWords={reserveWords}
              locale={locale}
            />
            {!inStock && cheapest && <p className="text-slate-700">{t("soldOutEverywhere")}</p>}
            <BackInStock
              variants={missingSomewhere.map((v) => ({ sku: v.sku, title: v.title }))}
              stores={stores.filter((s) => s.type === "store").map((s) => ({ id: s.id, name: s.name }))}
              defaultEmail={session?.user?.email ?? ""}
              words={engagementWords}
              locale={locale}
            />
            <section>
              <h2 className="text-lg font-semibold">{t("description")}</h2>
              <p className="mt-1 whitespace-pre-line text-slate-700">{product.description}</p>
              {product.finalSale && <p className="mt-2 font-medium text-amber-900">{t("finalSale")}</p>}
            </section>
            <ProductReviews slug={product.slug} words={engagementWords} locale={locale} />
          </div>
        </div>
      </ChosenColourProvider>
      <LiveRecommendations slug={product.slug}>
        <Suspense fallback={null}>
          <ProductRecommendations slug={product.slug} />
        </Suspense>
      </LiveRecommendations>
    </article>
  );
}
