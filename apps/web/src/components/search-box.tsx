"use client";

import { lang } from "@/lib/lang";
import { translator, type Words } from "@/lib/words";
import type { inferRouterOutputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";

import type { AppRouter } from "@omni/api";

/** The suggestions' pictures and prices load with the first suggestions, not with every page. */
const SearchSuggestions = lazy(() => import("./search-suggestions").then((m) => ({ default: m.SearchSuggestions })));

/** Typing waits this long before asking the server, so each keystroke does not become a request. */
const DEBOUNCE_MS = 200;

/**
 * The tRPC client of public reads comes with the first keystroke, not with every page: the header is on all of them,
 * and home, category and product pages load no React Query. Suggestions are a plain GET of `catalog.suggest`, which
 * the CDN and the app's read cache keep (a server action is a POST that nothing may keep).
 */
const suggest = (input: { query: string; limit: number; locale: "pl" | "en" }, signal: AbortSignal) =>
  import("@omni/ui/trpc-client").then((m) => m.publicReadClient().catalog.suggest.query(input, { signal }));

export type Suggestions = inferRouterOutputs<AppRouter>["catalog"]["suggest"];

/** The header search: instant results under the field as you type, Enter for the full results page. */
export function SearchBox({ words, locale }: { words: Words<"search">; locale: string }) {
  const t = translator(words);
  const router = useRouter();
  const [text, setText] = useState("");
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

  // The answer for the query shown; an older query's request is cancelled, so its answer never replaces a newer one.
  const [results, setResults] = useState<Suggestions | "pending" | "failed">("pending");
  useEffect(() => {
    if (query.length < 2) return;
    const request = new AbortController();
    setResults("pending");
    suggest({ query, limit: 6, locale: lang(locale) }, request.signal).then(
      (answer) => !request.signal.aborted && setResults(answer),
      () => !request.signal.aborted && setResults("failed"),
    );
    return () => request.abort();
  }, [query, locale]);
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
        onFocus={() => {
          setOpen(true);
          // The client's chunk loads while the shopper starts typing, not after the first pause.
          void import("@omni/ui/trpc-client");
        }}
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
          {results === "pending" ? (
            <p className="px-4 py-3 text-slate-600" role="status">
              {t("searching")}
            </p>
          ) : results === "failed" ? (
            <p className="px-4 py-3 text-red-700" role="alert">
              {t("failed")}
            </p>
          ) : results.items.length === 0 ? (
            <p className="px-4 py-3 text-slate-600" role="status">
              {t("none", { query })}
            </p>
          ) : (
            <Suspense
              fallback={
                <p className="px-4 py-3 text-slate-600" role="status">
                  {t("searching")}
                </p>
              }
            >
              <SearchSuggestions
                items={results.items}
                query={query}
                allLabel={t("all", { query })}
                locale={locale}
                onPick={() => setOpen(false)}
              />
            </Suspense>
          )}
        </div>
      )}
    </form>
  );
}
