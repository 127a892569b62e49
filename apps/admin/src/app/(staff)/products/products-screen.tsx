"use client";

import { inputClass, PageHeader, Panel, tableClass } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { productTitleIn } from "@/lib/product-title";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { formatMoney } from "@omni/core";
import { Button } from "@omni/ui/button";
import { EmptyState } from "@omni/ui/empty-state";
import { useTRPC } from "@omni/ui/trpc";

import { BulkPricePanel } from "./bulk-price-panel";
import { CategoriesPanel } from "./categories-panel";
import { CsvPanel } from "./csv-panel";
import { NewProductForm } from "./new-product-form";
import { ProductEditor } from "./product-editor";

/** What the right-hand column shows besides a product's editor. */
const tools = ["newProduct", "categories", "csv", "bulkPrice"] as const;
type Tool = (typeof tools)[number];

const pageSize = 25;

/** Every product, inactive ones too; choosing one opens its editor. */
export function ProductsScreen() {
  const t = useTranslations("products");
  const locale = useLocale();
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const [query, setQuery] = useState("");
  const [offset, setOffset] = useState(0);
  const [chosen, setChosenProduct] = useState<string | null>(null);
  const [tool, setTool] = useState<Tool | null>(null);
  const setChosen = (id: string) => {
    setChosenProduct(id);
    setTool(null);
  };
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(typed.trim());
      setOffset(0);
    }, 300);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useQuery(
    trpc.products.list.queryOptions({
      query: query || undefined,
      locale: locale === "pl" ? "pl" : "en",
      limit: pageSize,
      offset,
    }),
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <nav className="mb-4 flex flex-wrap gap-2" aria-label={t("tools")}>
        {tools.map((name) => (
          <Button
            key={name}
            variant={tool === name ? "primary" : "secondary"}
            aria-pressed={tool === name}
            onClick={() => setTool(tool === name ? null : name)}
            data-testid={`tool-${name}`}
          >
            {t(name)}
          </Button>
        ))}
      </nav>
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)] items-start gap-5 max-lg:grid-cols-1">
        <Panel>
          <input
            type="search"
            className={inputClass}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={t("search")}
            aria-label={t("search")}
            data-testid="product-search"
          />
          <div className="mt-3">
            {list.isPending || list.isError ? (
              <QueryState query={list} />
            ) : list.data.items.length === 0 ? (
              <EmptyState title={t("none")} />
            ) : (
              <>
                <table className={tableClass}>
                  <thead className="border-b border-slate-200">
                    <tr>
                      <th>{t("product")}</th>
                      <th>{t("category")}</th>
                      <th className="text-right">{t("from")}</th>
                      <th>{t("status")}</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {list.data.items.map((p) => (
                      <tr
                        key={p.id}
                        data-testid={`product-row-${p.slug}`}
                        className={`cursor-pointer ${chosen === p.id ? "bg-sky-50" : "hover:bg-slate-50"}`}
                        onClick={() => setChosen(p.id)}
                      >
                        <td>
                          <button
                            type="button"
                            className="text-left font-medium underline-offset-2 hover:underline"
                            onClick={() => setChosen(p.id)}
                          >
                            {productTitleIn(locale)(p)}
                          </button>
                          <span className="block text-xs text-slate-500">
                            {t("variantCount", { count: p.variantCount })}
                          </span>
                        </td>
                        <td className="text-slate-600">
                          {(locale === "pl" ? p.categoryNamePl : p.categoryName) || p.categoryName || p.category}
                        </td>
                        <td className="text-right whitespace-nowrap">
                          {p.minPriceMinor != null ? formatMoney(p.minPriceMinor, "PLN", locale) : "—"}
                        </td>
                        <td>
                          <span
                            className={`rounded-full px-2 py-0.5 text-xs font-semibold ${p.active ? "bg-emerald-50 text-emerald-800" : "bg-slate-200 text-slate-600"}`}
                          >
                            {p.active ? t("active") : t("inactive")}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <div className="mt-3 flex justify-between">
                  <Button
                    variant="secondary"
                    disabled={offset === 0}
                    onClick={() => setOffset(Math.max(0, offset - pageSize))}
                  >
                    {t("previous")}
                  </Button>
                  <Button
                    variant="secondary"
                    disabled={list.data.nextOffset == null}
                    onClick={() => setOffset(list.data.nextOffset ?? offset)}
                  >
                    {t("next")}
                  </Button>
                </div>
              </>
            )}
          </div>
        </Panel>
        {tool === "newProduct" ? (
          <NewProductForm onCreated={setChosen} />
        ) : tool === "categories" ? (
          <CategoriesPanel />
        ) : tool === "csv" ? (
          <CsvPanel />
        ) : tool === "bulkPrice" ? (
          <BulkPricePanel />
        ) : chosen ? (
          <ProductEditor productId={chosen} key={chosen} />
        ) : (
          <p className="text-slate-500">{t("choose")}</p>
        )}
      </div>
    </>
  );
}
