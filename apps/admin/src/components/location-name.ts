"use client";

import { locationNameWith } from "@/lib/location-name";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { useTRPC } from "@omni/ui/trpc";

/** A location's name in the clerk's language (see `locationNameWith`), in a client component. */
export function useLocationName() {
  const t = useTranslations("locations");
  return locationNameWith(t("online"));
}

/** Every location (`stores.list`), the online warehouse named in the clerk's language. */
export function useLocations() {
  const trpc = useTRPC();
  const nameOf = useLocationName();
  return useQuery({
    ...trpc.stores.list.queryOptions(),
    select: (rows) => rows.map((s) => ({ ...s, name: nameOf(s.id, s.name) })),
  });
}
