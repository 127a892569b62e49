import { and, eq } from "drizzle-orm";

import { distanceKm } from "@omni/core";
import { parcelLockers, type DbOrTx } from "@omni/db";

import { badRequest } from "../kernel";

/** Where a postal code lies, roughly: the centre of the city its first two digits belong to. */
const postalAreas: { prefixes: string[]; lat: number; lng: number }[] = [
  { prefixes: ["00", "01", "02", "03", "04", "05"], lat: 52.2297, lng: 21.0122 },
  { prefixes: ["30", "31", "32"], lat: 50.0614, lng: 19.9366 },
  { prefixes: ["50", "51", "52", "53", "54", "55"], lat: 51.1079, lng: 17.0385 },
  { prefixes: ["60", "61", "62"], lat: 52.4064, lng: 16.9252 },
  { prefixes: ["80", "81", "83"], lat: 54.352, lng: 18.6466 },
];

function placeOfPostalCode(postalCode: string): { lat: number; lng: number } | null {
  const digits = postalCode.replace(/\D/g, "");
  if (digits.length < 2) return null;
  const two = digits.slice(0, 2);
  const exact = postalAreas.find((a) => a.prefixes.includes(two));
  if (exact) return exact;
  // Same postal region (first digit) as one of the cities, else nowhere in particular.
  return postalAreas.find((a) => a.prefixes.some((p) => p[0] === two[0])) ?? null;
}

export type LockerView = {
  id: string;
  name: string;
  address: string;
  city: string;
  postalCode: string;
  lat: number;
  lng: number;
  distanceKm: number | null;
  mapUrl: string;
};

/** `checkout.lockers`: parcel lockers in service, nearest first to a position or a postal code. */
export async function findLockers(
  db: DbOrTx,
  input: { postalCode?: string; lat?: number; lng?: number; limit?: number },
): Promise<LockerView[]> {
  const rows = await db.select().from(parcelLockers).where(eq(parcelLockers.active, true));
  const here =
    input.lat != null && input.lng != null
      ? { lat: input.lat, lng: input.lng }
      : input.postalCode
        ? placeOfPostalCode(input.postalCode)
        : null;
  const wantedCode = input.postalCode?.replace(/\s/g, "");
  const views = rows.map((l) => ({
    id: l.id,
    name: l.name,
    address: l.address,
    city: l.city,
    postalCode: l.postalCode,
    lat: l.lat,
    lng: l.lng,
    distanceKm: here ? Math.round(distanceKm(here, l) * 10) / 10 : null,
    mapUrl: `https://www.openstreetmap.org/?mlat=${l.lat}&mlon=${l.lng}#map=17/${l.lat}/${l.lng}`,
  }));
  views.sort(
    (a, b) =>
      Number(b.postalCode === wantedCode) - Number(a.postalCode === wantedCode) ||
      (a.distanceKm ?? 0) - (b.distanceKm ?? 0) ||
      a.id.localeCompare(b.id),
  );
  return views.slice(0, input.limit ?? 10);
}

/** A locker a parcel can be sent to now; one taken out of service or unknown is refused in words. */
export async function lockerInService(db: DbOrTx, lockerId: string) {
  const [locker] = await db
    .select()
    .from(parcelLockers)
    .where(and(eq(parcelLockers.id, lockerId.trim().toUpperCase()), eq(parcelLockers.active, true)));
  if (!locker)
    throw badRequest(`The parcel locker ${lockerId.slice(0, 20)} is no longer available. Please choose another one.`, {
      field: "fulfillment",
      reason: "locker_unavailable",
      lockerId: lockerId.slice(0, 20),
    });
  return locker;
}
