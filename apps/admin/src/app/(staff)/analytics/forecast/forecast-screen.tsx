"use client";

import { ListState, TableHead } from "@/components/list-state";
import { inputClass, PageHeader, Panel, tableClass } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";

import { useTRPCClient } from "@omni/ui/trpc";

import { CsvButton } from "../csv-button";
import { formats } from "../format";
import type { ForecastRow } from "../types";

const right = "text-right tabular-nums";

/**
 * The reorder list of a store: nightly forecasts against today's stock, least cover first. The suggested
 * quantities are what a transfer or a purchase order should bring.
 */
export function ForecastScreen() {
  const t = useTranslations("forecast");
  const locale = useLocale();
  const f = formats(locale);
  const staff = useStaff();
  const client = useTRPCClient();
  const stores = staff.stores;
  const [storeId, setStoreId] = useState(staff.storeId);
  const [sku, setSku] = useState("");
  const [onlyReorder, setOnlyReorder] = useState(false);
  const wanted = sku.trim() || undefined;
  const forecast = useQuery({
    queryKey: ["analytics.forecast", storeId, wanted ?? ""],
    queryFn: () => client.analytics.forecast.mutate({ storeId, sku: wanted, limit: 200 }),
    staleTime: 60_000,
  });
  const rows = (forecast.data ?? []).filter((r) => !onlyReorder || r.suggestedQuantity > 0);
  const toReorder = (forecast.data ?? []).filter((r) => r.suggestedQuantity > 0);
  const first = forecast.data?.[0];
  const titleOf = (r: ForecastRow) => (locale === "pl" ? r.titlePl : r.title);
  const method = (r: ForecastRow) => (r.method ? t(`methods.${r.method}`) : "—");
  const csv = rows.map((r) => ({
    sku: r.sku,
    product: titleOf(r),
    onHand: r.onHand,
    available: r.available,
    dailyDemand: Number(r.dailyDemand.toFixed(3)),
    method: r.method,
    demandClass: r.demandClass,
    errorRmse: r.errorRmse === null ? null : Number(r.errorRmse.toFixed(3)),
    daysOfCover: r.daysOfCover === null ? null : Number(r.daysOfCover.toFixed(1)),
    safetyStock: Number(r.safetyStock.toFixed(2)),
    reorderPoint: Number(r.reorderPoint.toFixed(2)),
    suggestedQuantity: r.suggestedQuantity,
  }));

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href="/analytics" className="text-sm font-medium text-sky-700 hover:underline">
            {t("back")}
          </Link>
        }
      />
      <div className="mb-4 grid grid-cols-4 gap-3">
        <Summary label={t("summary.toReorder")} value={f.whole(toReorder.length)} testId="forecast-to-reorder" />
        <Summary label={t("summary.units")} value={f.whole(toReorder.reduce((a, r) => a + r.suggestedQuantity, 0))} />
        <Summary
          label={t("summary.settings")}
          value={
            first ? t("summary.settingsValue", { level: f.percent(first.serviceLevel), days: first.leadTimeDays }) : "—"
          }
        />
        <Summary
          label={t("summary.computed")}
          value={
            first?.computedAt
              ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(
                  new Date(first.computedAt),
                )
              : "—"
          }
        />
      </div>
      <Panel
        title={
          <span className="flex flex-wrap items-end justify-between gap-3">
            <span className="flex flex-wrap items-end gap-3 text-sm font-normal">
              <label className="flex flex-col gap-1 font-medium text-slate-700">
                {t("store")}
                <select
                  value={storeId}
                  onChange={(e) => setStoreId(e.target.value)}
                  className={inputClass}
                  data-testid="forecast-store"
                >
                  {stores.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </label>
              <label className="flex flex-col gap-1 font-medium text-slate-700">
                {t("sku")}
                <input
                  value={sku}
                  onChange={(e) => setSku(e.target.value)}
                  placeholder={t("skuPlaceholder")}
                  className={inputClass}
                />
              </label>
              <label className="flex items-center gap-2 pb-2 font-medium text-slate-700">
                <input type="checkbox" checked={onlyReorder} onChange={(e) => setOnlyReorder(e.target.checked)} />
                {t("onlyReorder")}
              </label>
            </span>
            <CsvButton filename={`reorder-${storeId}.csv`} rows={csv} testId="csv-forecast" />
          </span>
        }
      >
        <ListState query={{ ...forecast, data: forecast.data ? rows : undefined }} empty={t("empty")}>
          {(list) => (
            <div className="overflow-x-auto">
              <table className={`${tableClass} text-[13px] [&_td]:px-2 [&_th]:px-2`} data-testid="forecast-table">
                <TableHead
                  columns={[
                    t("columns.sku"),
                    t("columns.product"),
                    { label: t("columns.available"), align: "right" },
                    { label: t("columns.dailyDemand"), align: "right" },
                    t("columns.method"),
                    { label: t("columns.error"), align: "right" },
                    { label: t("columns.daysOfCover"), align: "right" },
                    { label: t("columns.reorderPoint"), align: "right" },
                    { label: t("columns.suggested"), align: "right" },
                  ]}
                />
                <tbody className="divide-y divide-slate-100">
                  {list.map((r) => (
                    <tr key={r.sku} data-testid="forecast-row">
                      <td className="font-mono text-xs whitespace-nowrap">{r.sku}</td>
                      <td className="max-w-52 truncate" title={titleOf(r) ?? ""}>
                        {titleOf(r)}
                      </td>
                      <td className={right}>{r.available}</td>
                      <td className={right}>{f.number(r.dailyDemand)}</td>
                      <td>
                        <span className="block whitespace-nowrap">{method(r)}</span>
                        {r.demandClass && (
                          <span className="block text-xs text-slate-500">{t(`classes.${r.demandClass}`)}</span>
                        )}
                      </td>
                      <td className={right}>{r.errorRmse === null ? "—" : f.number(r.errorRmse)}</td>
                      <td className={right}>
                        {r.daysOfCover === null ? (
                          "—"
                        ) : (
                          <span className={r.daysOfCover < r.leadTimeDays ? "font-semibold text-rose-700" : ""}>
                            {t("days", { days: f.number(r.daysOfCover) })}
                          </span>
                        )}
                      </td>
                      <td className={right}>{f.number(r.reorderPoint)}</td>
                      <td className={right}>
                        {r.suggestedQuantity > 0 ? (
                          <span className="rounded bg-amber-100 px-2 py-0.5 font-semibold text-amber-900">
                            {r.suggestedQuantity}
                          </span>
                        ) : (
                          <span className="text-slate-400">0</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </ListState>
      </Panel>
      <p className="mt-3 text-xs text-slate-500">{t("explain")}</p>
    </>
  );
}

function Summary({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-sm" data-testid={testId}>
      <p className="text-xs font-medium text-slate-500">{label}</p>
      <p className="mt-0.5 text-xl font-semibold tabular-nums">{value}</p>
    </div>
  );
}
