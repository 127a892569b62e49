import { ProductListing } from "@/components/product-listing";
import { lang } from "@/lib/lang";
import { serverApi } from "@/server/api";
import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function categoryName(slug: string) {
  const [api, locale] = await Promise.all([serverApi(), getLocale()]);
  const category = (await api.catalog.categories({ locale: lang(locale) })).find((c) => c.slug === slug);
  return category?.label ?? null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const name = await categoryName((await params).slug);
  return { title: name ?? undefined };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const name = await categoryName(slug);
  if (!name) notFound();
  return <ProductListing title={name} category={slug} searchParams={await searchParams} basePath={`/c/${slug}`} />;
}
