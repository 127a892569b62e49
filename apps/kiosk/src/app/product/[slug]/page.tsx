import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { ProductView } from "@/components/product-view";
import { serverApi } from "@/server/api";
import { webUrl } from "@/server/settings";

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const api = await serverApi();
  const product = await api.catalog.product({ slug: decodeURIComponent(slug).slice(0, 200) }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  return <ProductView product={product} shopUrl={webUrl()} />;
}
