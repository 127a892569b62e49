"use client";

import { useTranslations } from "next-intl";
import Papa from "papaparse";

/** Downloads a table as CSV (papaparse quotes and escapes; a BOM so that spreadsheets read Polish letters). */
export function CsvButton({
  filename,
  rows,
  testId,
}: {
  filename: string;
  rows: Record<string, string | number | null>[];
  testId?: string;
}) {
  const t = useTranslations("analytics");
  const download = () => {
    const blob = new Blob(["\ufeff", Papa.unparse(rows)], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <button
      type="button"
      onClick={download}
      disabled={!rows.length}
      data-testid={testId}
      className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-50"
    >
      {t("exportCsv")}
    </button>
  );
}
