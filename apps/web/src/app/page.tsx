import { ProductCard } from "@/components/product-card";
import { lang } from "@/lib/lang";
import { serverApi } from "@/server/api";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

export const dynamic = "force-dynamic";

export default async function Home() {
  const [t, locale, api] = await Promise.all([getTranslations("home"), getLocale(), serverApi()]);
  const [categories, featured] = await Promise.all([
    api.catalog.categories({ locale: lang(locale) }),
    api.catalog.search({ limit: 8, locale: lang(locale) }),
  ]);
  return (
    <div className="space-y-8">
      <section className="rounded-2xl bg-slate-900 px-5 py-8 text-white sm:px-8">
        <h1 className="text-2xl font-bold sm:text-3xl">{t("heroTitle")}</h1>
        <p className="mt-2 max-w-xl text-slate-200">{t("heroText")}</p>
        <Link
          href="/stores"
          className="mt-4 inline-flex min-h-11 items-center rounded-lg bg-white px-4 font-semibold text-slate-900 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
        >
          {t("findStore")}
        </Link>
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading" className="text-xl font-bold">
          {t("categories")}
        </h2>
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {categories.map((category) => (
            <li key={category.slug}>
              <Link
                href={`/c/${category.slug}`}
                data-testid="home-category"
                className="flex min-h-16 items-center rounded-xl border border-slate-200 px-4 font-semibold hover:border-slate-400 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
              >
                {category.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="featured-heading">
        <h2 id="featured-heading" className="text-xl font-bold">
          {t("featured")}
        </h2>
        <ul className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-4">
          {featured.items.map((item) => (
            <li key={item.slug}>
              <ProductCard item={item} locale={locale} outOfStockLabel={t("outOfStock")} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
