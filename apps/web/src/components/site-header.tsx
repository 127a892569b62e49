import { auth } from "@/auth";
import { lang } from "@/lib/lang";
import { serverApi } from "@/server/api";
import { orUnavailable } from "@/server/optional";
import { wordsOf } from "@/server/words";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import { CartLink } from "./cart-link";
import { LocaleSwitch } from "./locale-switch";
import { SearchBox } from "./search-box";

export async function SiteHeader() {
  const [t, locale, session, api, searchWords] = await Promise.all([
    getTranslations("nav"),
    getLocale(),
    auth(),
    serverApi(),
    wordsOf("search"),
  ]);
  // Without the categories the header still serves search, account, cart and the store list.
  const categories = (await orUnavailable(api.catalog.categories({ locale: lang(locale) }), "header categories")) ?? [];
  return (
    <header className="relative z-20 border-b border-slate-200 bg-white sm:sticky sm:top-0 sm:bg-white/95 sm:backdrop-blur">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skip")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2">
        <Link href="/" className="text-xl font-black tracking-tight text-slate-900" aria-label={t("home")}>
          omni
        </Link>
        <div className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <SearchBox words={searchWords} locale={locale} />
        </div>
        <nav aria-label={t("account")} className="ml-auto flex items-center gap-1">
          <Link
            href={session?.user ? "/account" : "/sign-in"}
            data-testid="account-link"
            className="flex min-h-11 items-center rounded-lg px-2 text-sm font-medium text-slate-800 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
          >
            {session?.user ? session.user.name.split(" ")[0] || t("account") : t("signIn")}
          </Link>
          <CartLink label={t("cart")} signedIn={!!session?.user} />
          <LocaleSwitch />
        </nav>
      </div>
      <nav aria-label={t("categories")} className="mx-auto max-w-6xl overflow-x-auto px-4 pb-2">
        <ul className="flex gap-1 whitespace-nowrap text-sm">
          {categories.map((category) => (
            <li key={category.slug}>
              <Link
                href={`/c/${category.slug}`}
                data-testid="category-link"
                className="inline-flex min-h-9 items-center rounded-full px-3 text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
              >
                {category.label}
              </Link>
            </li>
          ))}
          <li>
            <Link
              href="/stores"
              className="inline-flex min-h-9 items-center rounded-full px-3 font-medium text-sky-800 hover:bg-slate-100"
            >
              {t("stores")}
            </Link>
          </li>
        </ul>
      </nav>
    </header>
  );
}
