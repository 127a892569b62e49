"use client";

import { useLocations } from "@/components/location-name";
import { useTranslations } from "next-intl";

const tones: Record<string, string> = {
  requested: "bg-amber-50 text-amber-900 ring-amber-300",
  in_transit: "bg-sky-50 text-sky-900 ring-sky-300",
  received: "bg-emerald-50 text-emerald-900 ring-emerald-300",
  partly_received: "bg-orange-50 text-orange-900 ring-orange-300",
  cancelled: "bg-slate-100 text-slate-600 ring-slate-300",
};

export const transferStatuses = ["requested", "in_transit", "received", "partly_received", "cancelled"] as const;

/** A transfer's status in the clerk's words. */
export function TransferStatus({ status }: { status: string }) {
  const t = useTranslations("transfers.status");
  return (
    <span
      data-testid="transfer-status"
      data-status={status}
      className={`inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${tones[status] ?? tones.cancelled}`}
    >
      {t(status)}
    </span>
  );
}

/** Every location's name by id (a transfer's other end may be a store the clerk does not work in). */
export function useStoreName() {
  const stores = useLocations();
  return (id: string) => stores.data?.find((s) => s.id === id)?.name ?? id;
}
