"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { EmptyState } from "@omni/ui/empty-state";
import { applyKey, OnScreenKeyboard } from "@omni/ui/on-screen-keyboard";
import { Spinner } from "@omni/ui/spinner";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { ClockIcon, PackageIcon, PhoneIcon, ReturnIcon, StarIcon } from "./icons";
import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { ProductCard } from "./product-card";

const services = [
  { href: "/collect", key: "collect", Icon: PackageIcon, testId: "service-collect" },
  { href: "/returns", key: "returns", Icon: ReturnIcon, testId: "service-returns" },
  { href: "/reservations", key: "reservations", Icon: ClockIcon, testId: "service-reservations" },
  { href: "/cart/resume", key: "resume", Icon: PhoneIcon, testId: "service-resume" },
  { href: "/orders", key: "orders", Icon: PackageIcon, testId: "service-orders" },
  { href: "/rate", key: "rate", Icon: StarIcon, testId: "service-rate" },
] as const;

const chip = (on: boolean) =>
  `min-h-16 rounded-full px-6 text-2xl ring-2 ring-inset ${on ? "bg-slate-900 text-white ring-slate-900" : "bg-white ring-slate-300 active:bg-slate-100"}`;

/** The kiosk's home after the attract screen: search by touch, categories, and the in-store services. */
export function BrowseScreen() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("browse");
  const locale = useLocale();
  const trpc = useTRPC();
  const { kiosk } = useKiosk();
  const router = useRouter();
  const params = useSearchParams();
  const category = params.get("category") ?? "";
  const [query, setQuery] = useState(params.get("q") ?? "");
  const [debounced, setDebounced] = useState(query);
  const [keyboard, setKeyboard] = useState(false);
  const [limit, setLimit] = useState(24);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(query.trim()), 300);
    return () => window.clearTimeout(timer);
  }, [query]);
  // Keep the search in the address so that "back" from a product returns to the same results.
  useEffect(() => {
    const next = new URLSearchParams();
    if (debounced) next.set("q", debounced);
    if (category) next.set("category", category);
    const url = `/browse${next.size ? `?${next}` : ""}`;
    if (url !== `/browse${params.size ? `?${params}` : ""}`) router.replace(url, { scroll: false });
  }, [debounced, category, params, router]);
  useEffect(() => setLimit(24), [debounced, category]);

  const lang = locale === "pl" ? "pl" : "en";
  const [sizes, setSizes] = useState<string[]>([]);
  const [colours, setColours] = useState<string[]>([]);
  const [hereOnly, setHereOnly] = useState(false);
  useEffect(() => {
    setSizes([]);
    setColours([]);
  }, [category]);
  const categories = useQuery(trpc.catalog.categories.queryOptions({ locale: lang }));
  // One row of what this store sells most: the home screen fits the 1920 px glass without scrolling.
  const featured = useQuery({
    ...trpc.catalog.search.queryOptions({ limit: 3, availableIn: kiosk.storeId, locale: lang }),
    enabled: debounced === "" && category === "",
  });
  const searching = debounced !== "" || category !== "";
  const filters = {
    query: debounced || undefined,
    category: category || undefined,
    sizes,
    colours,
    availableIn: hereOnly ? kiosk.storeId : undefined,
    locale: lang,
  } as const;
  const results = useQuery({
    ...trpc.catalog.search.queryOptions({ ...filters, limit }),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const facets = useQuery({
    ...trpc.catalog.facets.queryOptions({ ...filters, storeId: kiosk.storeId }),
    enabled: searching,
    placeholderData: keepPreviousData,
  });
  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

  const chooseCategory = (slug: string) => {
    const next = new URLSearchParams();
    if (debounced) next.set("q", debounced);
    if (slug && slug !== category) next.set("category", slug);
    router.replace(`/browse${next.size ? `?${next}` : ""}`, { scroll: false });
  };

  return (
    <div className="flex flex-col gap-8 px-8 py-8">
      <section className="flex flex-col gap-4">
        <label htmlFor="kiosk-search" className="text-4xl font-bold">
          {t("searchTitle")}
        </label>
        <div className="flex gap-3">
          <input
            id="kiosk-search"
            ref={input}
            data-testid="kiosk-search"
            type="search"
            inputMode="none"
            autoComplete="off"
            spellCheck={false}
            placeholder={t("searchPlaceholder")}
            value={query}
            maxLength={200}
            onFocus={() => setKeyboard(true)}
            onPointerDown={() => setKeyboard(true)}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                setDebounced(query.trim());
                setKeyboard(false);
                input.current?.blur();
              }
            }}
            className="min-h-24 flex-1 rounded-2xl border-2 border-slate-300 px-8 text-4xl outline-none focus:border-sky-600 focus:ring-4 focus:ring-sky-200"
          />
          {keyboard && (
            <button
              type="button"
              data-testid="hide-keyboard"
              onClick={() => setKeyboard(false)}
              className="min-h-24 rounded-2xl px-6 text-2xl font-semibold ring-2 ring-inset ring-slate-300"
            >
              {t("hideKeyboard")}
            </button>
          )}
        </div>
        {keyboard && (
          <OnScreenKeyboard
            locale={locale}
            enterLabel={t("search")}
            onKey={(key) => {
              if (key.type === "enter") {
                setDebounced(query.trim());
                setKeyboard(false);
                return;
              }
              setQuery((q) => applyKey(q, key, 200));
            }}
          />
        )}
      </section>

      <nav aria-label={t("categories")} className="flex flex-wrap gap-3" data-testid="categories">
        {categories.data?.map((c) => (
          <button
            key={c.slug}
            type="button"
            data-testid={`category-${c.slug}`}
            aria-pressed={c.slug === category}
            onClick={() => chooseCategory(c.slug)}
            className={`min-h-16 rounded-full px-7 text-2xl font-medium ring-2 ring-inset ${
              c.slug === category
                ? "bg-slate-900 text-white ring-slate-900"
                : "bg-white ring-slate-300 active:bg-slate-100"
            }`}
          >
            {c.label}
          </button>
        ))}
      </nav>

      {searching && facets.data && (
        <section aria-label={t("filters")} data-testid="kiosk-facets" className="flex flex-col gap-4">
          <button
            type="button"
            data-testid="facet-here"
            aria-pressed={hereOnly}
            onClick={() => setHereOnly((on) => !on)}
            className={chip(hereOnly)}
          >
            {t("availableHere", { store: kiosk.storeName })} ({facets.data.availableInStore?.count ?? 0})
          </button>
          {[
            { kind: "size", values: facets.data.sizes, chosen: sizes, set: setSizes },
            { kind: "colour", values: facets.data.colours, chosen: colours, set: setColours },
          ].map(({ kind, values, chosen, set }) =>
            values.length > 1 || chosen.length ? (
              <div
                key={kind}
                role="group"
                aria-label={t(kind === "size" ? "size" : "colour")}
                className="flex flex-wrap gap-3"
              >
                {values.map((f) => (
                  <button
                    key={f.value}
                    type="button"
                    data-testid={`facet-${kind}`}
                    aria-pressed={chosen.includes(f.value)}
                    onClick={() => set(toggle(chosen, f.value))}
                    className={chip(chosen.includes(f.value))}
                  >
                    {f.label ?? f.value} ({f.count})
                  </button>
                ))}
              </div>
            ) : null,
          )}
        </section>
      )}

      {!searching ? (
        <>
          <section aria-label={t("services")} className="grid grid-cols-2 gap-6">
            {services.map((s) => (
              <Link
                key={s.href}
                href={s.href}
                data-testid={s.testId}
                className="flex min-h-48 flex-col justify-center gap-3 rounded-3xl bg-slate-100 px-10 active:bg-slate-200"
              >
                <s.Icon className="h-16 w-16 text-sky-700" />
                <span className="text-4xl font-semibold">{t(`service.${s.key}`)}</span>
                <span className="text-2xl text-slate-600">{t(`service.${s.key}Help`)}</span>
              </Link>
            ))}
          </section>
          {featured.data && featured.data.items.length > 0 && (
            <section aria-labelledby="featured-title" className="flex flex-col gap-6">
              <h2 id="featured-title" className="text-4xl font-bold">
                {t("featured", { store: kiosk.storeName })}
              </h2>
              <ul data-testid="featured-products" className="grid grid-cols-3 gap-6">
                {featured.data.items.map((item) => (
                  <li key={item.slug}>
                    <ProductCard item={item} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      ) : results.isPending ? (
        <Spinner locale={locale} className="justify-center text-3xl" />
      ) : results.error ? (
        <KioskError message={errorMessage(results.error)} onRetry={() => void results.refetch()} />
      ) : results.data.items.length === 0 ? (
        <EmptyState title={t("noResults", { query: debounced })}>{t("noResultsHelp")}</EmptyState>
      ) : (
        <section aria-label={t("results")} className="flex flex-col gap-6">
          <ul data-testid="search-results" className="grid grid-cols-3 gap-6">
            {results.data.items.map((item) => (
              <li key={item.slug}>
                <ProductCard item={item} />
              </li>
            ))}
          </ul>
          {results.data.nextCursor && limit < 96 && (
            <button
              type="button"
              data-testid="show-more"
              onClick={() => setLimit((l) => Math.min(96, l + 24))}
              className="min-h-20 rounded-2xl text-3xl font-semibold ring-2 ring-inset ring-slate-300"
            >
              {t("showMore")}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
