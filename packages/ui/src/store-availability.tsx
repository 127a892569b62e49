import { distanceKm, type Position } from "@omni/core";

import { TruckIcon } from "./icons";
import { pick } from "./labels";
import { PickupPromise, type PickupPromiseValue } from "./pickup-promise";
import { StockBadge } from "./stock-badge";

export type { Position };
export type AvailabilityStore = { id: string; name: string; city?: string; lat?: number | null; lng?: number | null };

export type AvailabilityRow = AvailabilityStore & {
  available: number;
  distance: number | null;
  pickup: PickupPromiseValue | undefined;
};

/**
 * Joins stores with their stock and orders them: the chosen store first, then nearest (when a
 * position is known) or most in stock, then by name.
 */
export function orderAvailability(
  stores: AvailabilityStore[],
  locations: { storeId: string; available: number; pickup?: PickupPromiseValue }[],
  options: { position?: Position | null; chosenStoreId?: string | null; onlyInStock?: boolean } = {},
): AvailabilityRow[] {
  const rows = locations
    .map((l) => {
      const store = stores.find((s) => s.id === l.storeId);
      if (!store) return null;
      const distance =
        options.position && store.lat != null && store.lng != null
          ? distanceKm(options.position, { lat: store.lat, lng: store.lng })
          : null;
      return { ...store, available: l.available, distance, pickup: l.pickup };
    })
    .filter((r): r is AvailabilityRow => r !== null)
    .filter((r) => !options.onlyInStock || r.available > 0 || r.id === options.chosenStoreId);
  return rows.sort((a, b) => {
    if (a.id === options.chosenStoreId) return -1;
    if (b.id === options.chosenStoreId) return 1;
    if (a.distance != null && b.distance != null && a.distance !== b.distance) return a.distance - b.distance;
    if (a.distance == null && b.distance == null && a.available > 0 !== b.available > 0)
      return a.available > 0 ? -1 : 1;
    return a.name.localeCompare(b.name);
  });
}

const text = {
  pl: {
    title: "Dostępność",
    delivery: "Dostawa do domu",
    deliveryIn: "dostępne",
    deliveryOut: "niedostępne",
    chosen: "Twój sklep",
    choose: "Wybierz",
    none: "Brak w sklepach stacjonarnych.",
    km: (km: number) => `${km < 10 ? km.toFixed(1) : Math.round(km)} km`,
  },
  en: {
    title: "Availability",
    delivery: "Home delivery",
    deliveryIn: "in stock",
    deliveryOut: "unavailable",
    chosen: "Your store",
    choose: "Choose",
    none: "Not in any store right now.",
    km: (km: number) => `${km < 10 ? km.toFixed(1) : Math.round(km)} km`,
  },
};

/**
 * Stock of one variant per store: the shopper's chosen store highlighted and first, the others
 * nearest first when their position is known, and a home-delivery line. `onChoose` adds a button
 * per store to make it the shopper's store.
 */
export function StoreAvailability({
  stores,
  locations,
  online,
  position,
  chosenStoreId,
  onChoose,
  onlyInStock = false,
  locale = "pl",
  title,
}: {
  stores: AvailabilityStore[];
  /** `pickup`: the store's promised pickup time (from `inventory.availability`), shown under its name. */
  locations: { storeId: string; available: number; pickup?: PickupPromiseValue }[];
  /** Units home delivery can promise; leave out to hide the delivery line. */
  online?: number | null;
  position?: Position | null;
  chosenStoreId?: string | null;
  onChoose?: (storeId: string) => void;
  onlyInStock?: boolean;
  locale?: string;
  title?: string;
}) {
  const t = pick(text, locale);
  const rows = orderAvailability(stores, locations, { position, chosenStoreId, onlyInStock });
  return (
    <section
      data-testid="store-availability"
      aria-label={title ?? t.title}
      className="rounded-xl border border-slate-200"
    >
      {title !== "" && (
        <h2 className="border-b border-slate-200 px-4 py-3 text-base font-semibold">{title ?? t.title}</h2>
      )}
      {online != null && (
        <p
          data-testid="home-delivery"
          data-available={online}
          className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-3"
        >
          <span className="flex items-center gap-2 font-medium">
            <TruckIcon className="h-5 w-5" />
            {t.delivery}: {online > 0 ? t.deliveryIn : t.deliveryOut}
          </span>
          <StockBadge available={online} locale={locale} />
        </p>
      )}
      {rows.length === 0 ? (
        <p className="px-4 py-3 text-slate-600">{t.none}</p>
      ) : (
        <ul className="divide-y divide-slate-200">
          {rows.map((row) => {
            const chosen = row.id === chosenStoreId;
            return (
              <li
                key={row.id}
                data-testid="store-availability-row"
                data-store-id={row.id}
                data-available={row.available}
                data-chosen={chosen || undefined}
                aria-current={chosen ? "true" : undefined}
                className={`flex flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-3 ${chosen ? "bg-sky-50 ring-2 ring-inset ring-sky-500" : ""}`}
              >
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {row.name}
                    {chosen && (
                      <span className="ml-2 rounded bg-sky-700 px-1.5 py-0.5 text-xs font-semibold text-white">
                        {t.chosen}
                      </span>
                    )}
                  </p>
                  {(row.city || row.distance != null) && (
                    <p className="text-sm text-slate-600">
                      {row.city}
                      {row.distance != null && row.distance >= 0.1 && ` · ${t.km(row.distance)}`}
                    </p>
                  )}
                  {row.pickup && <PickupPromise promise={row.pickup} locale={locale} className="mt-0.5" />}
                </div>
                <div className="flex items-center gap-2">
                  <StockBadge available={row.available} locale={locale} />
                  {onChoose && !chosen && (
                    <button
                      type="button"
                      data-testid="choose-store"
                      onClick={() => onChoose(row.id)}
                      className="min-h-10 rounded-lg px-3 text-sm font-semibold text-sky-800 ring-1 ring-inset ring-sky-300 hover:bg-sky-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
                      aria-label={`${t.choose}: ${row.name}`}
                    >
                      {t.choose}
                    </button>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
