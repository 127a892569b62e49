import { ProductListing } from "@/components/product-listing";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const queryOf = (raw: string | string[] | undefined) => (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? "";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("listing");
  const q = queryOf((await searchParams).q);
  return { title: q ? t("searchTitle", { query: q }) : t("searchAll") };
}

export default async function SearchPage({ searchParams }: Props) {
  const t = await getTranslations("listing");
  const params = await searchParams;
  const q = queryOf(params.q);
  return (
    <ProductListing
      title={q ? t("searchTitle", { query: q }) : t("searchAll")}
      query={q || undefined}
      searchParams={params}
      basePath="/search"
    />
  );
}
