"use client";

import { translator, type Words } from "@/lib/words";
import { lazy, Suspense, useState } from "react";

import { ReserveToggle } from "./reserve-toggle";

/** The form, its confirmation and the QR code load when the shopper first opens the panel, not with the page. */
const ReserveInStorePanel = lazy(() =>
  import("./reserve-in-store-panel").then((m) => ({ default: m.ReserveInStorePanel })),
);

type Store = {
  id: string;
  name: string;
  city: string;
  address?: string;
  postalCode?: string;
  openingHours?: Record<string, [string, string] | null> | null;
};

export type ReserveInStoreProps = {
  words: Words<"reserve">;
  locale: string;
  sku: string;
  title: string;
  stores: Store[];
  locations: { storeId: string; available: number }[];
  preferredStoreId: string | null;
  defaultName: string;
  defaultEmail: string;
};

/**
 * "Reserve in store": hold a variant at a store to try on and pay there. Closed, it is only its button; once
 * opened, the panel stays mounted (closing it keeps what was typed), as before it was split.
 */
export function ReserveInStore(props: ReserveInStoreProps) {
  const [opened, setOpened] = useState(false);
  const { stores, locations, words } = props;
  if (!stores.some((s) => (locations.find((l) => l.storeId === s.id)?.available ?? 0) > 0)) return null;
  const closed = (
    <section className="rounded-xl border border-slate-200">
      <ReserveToggle open={opened} onClick={() => setOpened(true)} label={translator(words)("title")} />
    </section>
  );
  if (!opened) return closed;
  return (
    <Suspense fallback={closed}>
      <ReserveInStorePanel {...props} />
    </Suspense>
  );
}
