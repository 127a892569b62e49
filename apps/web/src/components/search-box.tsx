"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";

import { Price } from "@omni/ui/price";
import { ProductImage } from "@omni/ui/product-image";
import { useTRPC } from "@omni/ui/trpc";

/** Typing waits this long before asking the server, so each keystroke does not become a request. */
const DEBOUNCE_MS = 200;

/** The header search: instant results under the field as you type, Enter for the full results page. */
export function SearchBox({ initialQuery = "" }: { initialQuery?: string }) {
  const t = useTranslations("search");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = useState(initialQuery);
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const listId = useId();
  const boxRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);

  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, []);

  const results = useQuery({
    ...trpc.catalog.suggest.queryOptions({ query, limit: 6, locale: locale === "pl" ? "pl" : "en" }),
    enabled: query.length >= 2,
  });
  const showDropdown = open && query.length >= 2;

  return (
    <form
      ref={boxRef}
      role="search"
      action="/search"
      className="relative w-full"
      onSubmit={(event) => {
        event.preventDefault();
        setOpen(false);
        if (text.trim()) router.push(`/search?q=${encodeURIComponent(text.trim())}`);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") setOpen(false);
      }}
    >
      <label htmlFor={`${listId}-input`} className="sr-only">
        {t("label")}
      </label>
      <input
        id={`${listId}-input`}
        name="q"
        type="search"
        data-testid="search-input"
        autoComplete="off"
        value={text}
        placeholder={t("placeholder")}
        // A search field may not carry aria-expanded; it points at the suggestions only while they show.
        aria-controls={showDropdown ? listId : undefined}
        onFocus={() => setOpen(true)}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        className="min-h-11 w-full rounded-full border border-slate-300 bg-white px-4 pr-11 text-base text-slate-900 placeholder:text-slate-500 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600"
      />
      <button
        type="submit"
        aria-label={t("submit")}
        className="absolute right-1 top-1/2 flex h-9 w-9 -translate-y-1/2 items-center justify-center rounded-full text-slate-700 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="11" cy="11" r="7" />
          <path d="m20 20-3.5-3.5" />
        </svg>
      </button>
      {showDropdown && (
        <div
          id={listId}
          data-testid="search-results"
          className="absolute left-0 right-0 top-full z-30 mt-2 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-lg"
        >
          {results.isPending ? (
            <p className="px-4 py-3 text-slate-600" role="status">
              {t("searching")}
            </p>
          ) : results.isError ? (
            <p className="px-4 py-3 text-red-700" role="alert">
              {t("failed")}
            </p>
          ) : results.data.items.length === 0 ? (
            <p className="px-4 py-3 text-slate-600" role="status">
              {t("none", { query })}
            </p>
          ) : (
            <ul>
              {results.data.items.map((item) => (
                <li key={item.slug}>
                  <Link
                    href={`/p/${item.slug}`}
                    data-testid="search-result"
                    onClick={() => setOpen(false)}
                    className="flex items-center justify-between gap-3 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-100 focus-visible:outline-none"
                  >
                    <span className="w-10 shrink-0 overflow-hidden rounded bg-slate-100">
                      <ProductImage
                        title={item.title}
                        hue={item.imageHue}
                        category={item.category}
                        imageId={item.imageId}
                        sizes="48px"
                        thumbnail
                      />
                    </span>
                    <span className="min-w-0 flex-1 truncate">{item.title}</span>
                    <Price
                      priceMinor={item.priceMinor}
                      listPriceMinor={item.listPriceMinor}
                      currency={item.currency}
                      locale={locale}
                      size="sm"
                    />
                  </Link>
                </li>
              ))}
              <li className="border-t border-slate-200">
                <Link
                  href={`/search?q=${encodeURIComponent(query)}`}
                  onClick={() => setOpen(false)}
                  className="block px-4 py-3 font-semibold text-sky-800 hover:bg-slate-50"
                >
                  {t("all", { query })}
                </Link>
              </li>
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
