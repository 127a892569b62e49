"use client";

/** Placeholder until reservations.create lands. */
export function ReserveInStore(_props: {
  sku: string;
  title: string;
  stores: { id: string; name: string; city: string }[];
  locations: { storeId: string; available: number }[];
  preferredStoreId: string | null;
  defaultName: string;
  defaultEmail: string;
}) {
  return null;
}
