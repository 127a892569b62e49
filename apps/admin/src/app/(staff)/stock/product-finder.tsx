"use client";

import { inputClass, Panel } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useStaff } from "@/components/staff-context";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { ONLINE_LOCATION } from "@omni/core";
import { EmptyState } from "@omni/ui/empty-state";
import { StockBadge } from "@omni/ui/stock-badge";
import { useTRPC } from "@omni/ui/trpc";

/** Search the catalogue by title or SKU and pick a variant of the chosen store. */
export function ProductFinder({ onChoose, chosenSku }: { onChoose: (sku: string) => void; chosenSku: string }) {
  const t = useTranslations("stock");
  const trpc = useTRPC();
  // Names in the clerk's language: products and their categories, as the shop shows them.
  const language = useLocale() === "pl" ? "pl" : "en";
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const results = useQuery(
    trpc.catalog.search.queryOptions({ query: query || undefined, limit: 25, locale: language }),
  );
  const categories = useQuery(trpc.catalog.categories.queryOptions({ locale: language }));
  const categoryName = (slug: string) => categories.data?.find((c) => c.slug === slug)?.label ?? slug;
  return (
    <Panel title={t("findProduct")}>
      <input
        type="search"
        className={inputClass}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        placeholder={t("searchPlaceholder")}
        aria-label={t("findProduct")}
        data-testid="stock-search"
      />
      <div className="mt-3 max-h-[calc(100vh-16rem)] overflow-y-auto">
        {results.isPending || results.isError ? (
          <QueryState query={results} />
        ) : results.data.items.length === 0 ? (
          <EmptyState title={t("noProducts")} />
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="stock-results">
            {results.data.items.map((p) => (
              <li key={p.slug}>
                <button
                  type="button"
                  className="flex w-full items-center justify-between gap-2 py-2 text-left hover:bg-slate-50"
                  aria-expanded={open === p.slug}
                  onClick={() => setOpen(open === p.slug ? null : p.slug)}
                  data-testid={`stock-product-${p.slug}`}
                >
                  <span className="font-medium">{p.title}</span>
                  <span className="text-xs text-slate-500">{categoryName(p.category)}</span>
                </button>
                {open === p.slug && <Variants slug={p.slug} onChoose={onChoose} chosenSku={chosenSku} />}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Panel>
  );
}

function Variants({ slug, onChoose, chosenSku }: { slug: string; onChoose: (sku: string) => void; chosenSku: string }) {
  const trpc = useTRPC();
  const language = useLocale() === "pl" ? "pl" : "en";
  const product = useQuery(trpc.catalog.product.queryOptions({ slug, locale: language }));
  if (product.isPending || product.isError) return <QueryState query={product} />;
  return (
    <ul className="mb-2 ml-3 border-l-2 border-slate-200 pl-3">
      {product.data.variants.map((v) => (
        <li key={v.sku}>
          <button
            type="button"
            onClick={() => onChoose(v.sku)}
            aria-pressed={chosenSku === v.sku}
            className={`flex w-full items-center justify-between gap-2 rounded px-2 py-1.5 text-left text-sm ${chosenSku === v.sku ? "bg-sky-50 ring-1 ring-sky-400" : "hover:bg-slate-50"}`}
            data-testid={`stock-variant-${v.sku}`}
          >
            <span>
              <span className="font-mono text-xs text-slate-500">{v.sku}</span> {v.title}
            </span>
            <HereBadge sku={v.sku} />
          </button>
        </li>
      ))}
    </ul>
  );
}

function HereBadge({ sku }: { sku: string }) {
  const trpc = useTRPC();
  const locale = useLocale();
  const { storeId } = useStaff();
  const availability = useQuery(trpc.inventory.availability.queryOptions({ sku, storeIds: [storeId] }));
  const here =
    storeId === ONLINE_LOCATION && availability.data
      ? { available: availability.data.online }
      : availability.data?.locations.find((l) => l.storeId === storeId);
  return here ? <StockBadge available={here.available} locale={locale} /> : null;
}
