import { navTitle } from "@/components/simple-page";

import { CollectScreen } from "./collect-screen";

export const generateMetadata = navTitle("collect");

/** `?order=OM-…` comes from a card of the pickup queue: the screen names the order it expects. */
export default async function CollectPage({ searchParams }: { searchParams: Promise<{ order?: string | string[] }> }) {
  const { order } = await searchParams;
  const expected = typeof order === "string" ? order.trim().slice(0, 32).toUpperCase() : "";
  return <CollectScreen expectedOrder={expected || null} />;
}
