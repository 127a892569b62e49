"use client";

import { inputClass, labelClass, Panel } from "@/components/page-header";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** A refused row as the API names it: the reason is a key of `products.csvRow`, worded here in the clerk's language. */
type RowError = { line: number; column?: string; reason: string; params?: Record<string, string | number> };

/** The rows a refused import names (the server lists every bad line; nothing was imported). */
const rowErrorsOf = (error: unknown): RowError[] =>
  error instanceof TRPCClientError ? ((error.data as { rowErrors?: RowError[] } | undefined)?.rowErrors ?? []) : [];

/** Saves text as a file; a BOM so that spreadsheets read Polish letters. */
function download(filename: string, csv: string) {
  const url = URL.createObjectURL(new Blob(["\ufeff", csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** Products and stock to and from spreadsheets: export, import (all rows or none, with every bad line named). */
export function CsvPanel() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("products");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState("");
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.products.list.queryKey() });
  const exportProducts = useMutation(
    trpc.products.exportCsv.mutationOptions({ onSuccess: ({ csv }) => download("products.csv", csv) }),
  );
  const exportStock = useMutation(
    trpc.inventory.exportCsv.mutationOptions({ onSuccess: ({ csv }) => download("stock.csv", csv) }),
  );
  const importProducts = useMutation(trpc.products.importCsv.mutationOptions({ onSuccess: refresh }));
  const importStock = useMutation(trpc.inventory.importCsv.mutationOptions());
  const failed = importProducts.error ?? importStock.error;
  const rows = rowErrorsOf(failed);
  return (
    <Panel title={t("csv")} testId="csv-panel">
      <div className="flex flex-wrap gap-3">
        <Button variant="secondary" busy={exportProducts.isPending} onClick={() => exportProducts.mutate({})}>
          {t("exportProducts")}
        </Button>
        <Button variant="secondary" busy={exportStock.isPending} onClick={() => exportStock.mutate({})}>
          {t("exportStock")}
        </Button>
      </div>
      <div className="mt-4 grid grid-cols-2 gap-3">
        <label className={labelClass}>
          {t("importProducts")}
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="import-products"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) importProducts.mutate({ csv: await file.text() });
            }}
          />
        </label>
        <div className="flex flex-col gap-2">
          <label className={labelClass}>
            {t("importReason")}
            <input className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          </label>
          <label className={labelClass}>
            {t("importStock")}
            <input
              type="file"
              accept=".csv,text/csv"
              disabled={!reason.trim()}
              data-testid="import-stock"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) importStock.mutate({ csv: await file.text(), reason: reason.trim() });
              }}
            />
          </label>
        </div>
      </div>
      {(importProducts.isPending || importStock.isPending) && <p className="mt-2 text-sm">{t("importing")}</p>}
      {importProducts.isSuccess && (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          {t("importedProducts", {
            productsCreated: importProducts.data.productsCreated,
            productsUpdated: importProducts.data.productsUpdated,
            variantsCreated: importProducts.data.variantsCreated,
            variantsUpdated: importProducts.data.variantsUpdated,
          })}
        </p>
      )}
      {importStock.isSuccess && (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          {t("importedStock", importStock.data)}
        </p>
      )}
      {failed && (
        <div className="mt-2">
          <ErrorMessage message={errorMessage(failed)} />
          {rows.length > 0 && (
            <ul className="mt-2 max-h-48 overflow-auto text-sm text-red-800" data-testid="import-errors">
              {rows.map((r, i) => (
                <li key={i}>
                  {t("rowProblem", {
                    line: r.line,
                    column: r.column ?? "—",
                    message: t(`csvRow.${r.reason}`, { column: r.column ?? "", ...r.params }),
                  })}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Panel>
  );
}
