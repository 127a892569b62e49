import { auth } from "@/auth";
import { ChooseStoreButton } from "@/components/choose-store-button";
import { preferredStoreId } from "@/lib/preferred-store";
import { mapLink, storeServices } from "@/lib/store-services";
import { orNull } from "@/lib/trpc-errors";
import { serverApi } from "@/server/api";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { cache } from "react";

import { OpeningHoursList } from "@omni/ui/opening-hours";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

const loadStore = cache(async (id: string) =>
  orNull((await serverApi()).stores.get({ storeId: decodeURIComponent(id).slice(0, 64) })),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const store = await loadStore((await params).id);
  return store ? { title: store.name, description: `${store.address}, ${store.city}` } : {};
}

export default async function StorePage({ params }: Props) {
  const store = await loadStore((await params).id);
  if (!store || store.type !== "store") notFound();
  const [t, locale, mine, session] = await Promise.all([
    getTranslations("stores"),
    getLocale(),
    preferredStoreId(),
    auth(),
  ]);
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "ClothingStore",
    name: store.name,
    telephone: store.phone,
    address: {
      "@type": "PostalAddress",
      streetAddress: store.address,
      postalCode: store.postalCode,
      addressLocality: store.city,
      addressCountry: "PL",
    },
    geo: { "@type": "GeoCoordinates", latitude: store.lat, longitude: store.lng },
  };
  return (
    <article className="space-y-6">
      <script
        type="application/ld+json"
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }}
      />
      <header className="space-y-2">
        <h1 className="text-2xl font-bold" data-testid="store-name">
          {store.name}
        </h1>
        <ChooseStoreButton storeId={store.id} initial={mine} signedIn={!!session?.user} />
      </header>
      <div className="grid gap-6 sm:grid-cols-2">
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{t("address")}</h2>
          <address className="not-italic text-slate-800">
            {store.address}
            <br />
            {store.postalCode} {store.city}
            <br />
            <a href={`tel:${store.phone.replace(/\s+/g, "")}`} className="underline">
              {store.phone}
            </a>
          </address>
          <p className="text-sm text-slate-600" data-testid="store-coordinates">
            {t("coordinates", { lat: store.lat.toFixed(4), lng: store.lng.toFixed(4) })}
          </p>
          <a
            href={mapLink(store.lat, store.lng)}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="store-map-link"
            className="inline-flex min-h-11 items-center rounded-lg px-4 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            {t("map")}
          </a>
        </section>
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{t("hours")}</h2>
          <OpeningHoursList hours={store.openingHours} locale={locale} />
        </section>
        <section className="space-y-2">
          <h2 className="text-lg font-semibold">{t("services")}</h2>
          <ul className="list-inside list-disc text-slate-800" data-testid="store-services">
            {storeServices(store).map((s) => (
              <li key={s}>{t(s)}</li>
            ))}
          </ul>
          {store.pickup && <p className="text-sm text-slate-600">{t("pickupPoint", { point: store.pickupPoint })}</p>}
        </section>
      </div>
    </article>
  );
}
