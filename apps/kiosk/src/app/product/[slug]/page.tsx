import { ProductView } from "@/components/product-view";
import { serverApi } from "@/server/api";
import { webUrl } from "@/server/settings";
import { TRPCError } from "@trpc/server";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";

export default async function ProductPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ sku?: string | string[] }>;
}) {
  const { slug } = await params;
  const { sku } = await searchParams;
  const api = await serverApi();
  const product = await api.catalog
    .product({ slug: safeDecode(slug).slice(0, 200), locale: (await getLocale()) === "pl" ? "pl" : "en" })
    .catch((error: unknown) => {
      if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
      throw error;
    });
  const initialSku = product.variants.find((v) => v.sku === sku)?.sku;
  // Every variant's stock, so that the sizes this store lacks are marked before any is picked.
  const availability = await Promise.all(product.variants.map((v) => api.inventory.availability({ sku: v.sku })));
  return (
    <ProductView product={product} shopUrl={webUrl()} initialSku={initialSku} initialAvailability={availability} />
  );
}

/** A malformed escape in the address is just an unknown product, never a crash. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
