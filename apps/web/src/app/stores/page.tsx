import { preferredStoreId } from "@/lib/preferred-store";
import { storeServices } from "@/lib/store-services";
import { serverApi } from "@/server/api";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { OpeningHoursList } from "@omni/ui/opening-hours";
import { PickupPromise } from "@omni/ui/pickup-promise";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stores"))("title") };
}

export default async function StoresPage() {
  const [t, locale, api, mine] = await Promise.all([
    getTranslations("stores"),
    getLocale(),
    serverApi(),
    preferredStoreId(),
  ]);
  const stores = (await api.stores.list()).filter((s) => s.type === "store");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <ul className="grid gap-4 sm:grid-cols-2">
        {stores.map((store) => (
          <li
            key={store.id}
            data-testid="store-card"
            data-store-id={store.id}
            className={`rounded-xl border p-4 ${store.id === mine ? "border-sky-600 ring-2 ring-sky-600" : "border-slate-200"}`}
          >
            <h2 className="text-lg font-semibold">
              <Link href={`/stores/${store.id}`} className="hover:underline">
                {store.name}
              </Link>
              {store.id === mine && (
                <span className="ml-2 rounded bg-sky-700 px-1.5 py-0.5 text-xs font-semibold text-white">
                  {t("yours")}
                </span>
              )}
            </h2>
            <p className="text-slate-700">
              {store.address}, {store.postalCode} {store.city}
            </p>
            <p className="mt-1 text-sm text-slate-600">
              {storeServices(store)
                .map((s) => t(s))
                .join(" · ")}
            </p>
            {store.pickupPromise && <PickupPromise promise={store.pickupPromise} locale={locale} className="mt-2" />}
            <div className="mt-3">
              <OpeningHoursList hours={store.openingHours} locale={locale} />
            </div>
            <Link href={`/stores/${store.id}`} className="mt-3 inline-block font-semibold text-sky-800 underline">
              {t("details")}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
