"use client";

import { useLocationName } from "@/components/location-name";
import { PageHeader, Panel } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useStaff } from "@/components/staff-context";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";

import { useTRPCClient } from "@omni/ui/trpc";

import { ChannelMixChart, ComparisonChart, PickupFunnelChart, StoresChart, TrendChart } from "./charts";
import { CsvButton } from "./csv-button";
import { KpiTiles } from "./kpi-tiles";
import { channelRows, ChannelTable, reasonRows, ReturnsTable, storeRows, StoresTable } from "./tables";

const periods = [7, 30, 90] as const;
const CHAIN = "chain";

/** The last `days` whole days in Warsaw, up to yesterday: a chart does not end on a day that is half over. */
function range(days: number) {
  const day = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Warsaw" }).format(at);
  const today = Date.parse(`${day(new Date())}T00:00:00Z`);
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(today - days * 86_400_000), to: iso(today - 86_400_000) };
}

/**
 * The numbers per channel: managers see the stores they work in, admins also the whole chain with a store-by-store
 * comparison. Everything is read from the aggregates the worker keeps, so the page stays quick on a big chain.
 */
export function AnalyticsScreen() {
  const t = useTranslations("analytics");
  const locale = useLocale();
  const staff = useStaff();
  const locationName = useLocationName();
  const client = useTRPCClient();
  const isAdmin = staff.role === "admin";
  const [scope, setScope] = useState<string>(isAdmin ? CHAIN : staff.storeId);
  const [days, setDays] = useState<number>(30);
  const { from, to } = range(days);
  const storeId = scope === CHAIN ? undefined : scope;
  const kpis = useQuery({
    queryKey: ["analytics.kpis", storeId ?? CHAIN, from, to],
    queryFn: () => client.analytics.kpis.mutate({ storeId, from, to }),
    staleTime: 60_000,
  });
  const k = kpis.data;
  const scopeName = storeId ? (staff.stores.find((s) => s.id === storeId)?.name ?? storeId) : t("chain");
  const reason = (r: string) => t(`reasons.${r}`);
  const file = (what: string) => `${what}-${storeId ?? "chain"}-${from}-${to}.csv`;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { scope: scopeName })}
        actions={
          <>
            <label className="sr-only" htmlFor="analytics-scope">
              {t("scope")}
            </label>
            <select
              id="analytics-scope"
              value={scope}
              onChange={(e) => setScope(e.target.value)}
              data-testid="analytics-scope"
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
            >
              {isAdmin && <option value={CHAIN}>{t("chain")}</option>}
              {staff.stores.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <div
              role="group"
              aria-label={t("period")}
              className="flex rounded-md border border-slate-300 bg-white p-0.5"
            >
              {periods.map((d) => (
                <button
                  key={d}
                  type="button"
                  aria-pressed={days === d}
                  onClick={() => setDays(d)}
                  data-testid={`period-${d}`}
                  className={`rounded px-2.5 py-1 text-sm ${days === d ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
                >
                  {t("lastDays", { days: d })}
                </button>
              ))}
            </div>
            <Link
              href="/analytics/forecast"
              className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800"
            >
              {t("toForecast")}
            </Link>
          </>
        }
      />
      {!k ? (
        <QueryState query={kpis} />
      ) : (
        <div className="flex flex-col gap-4" data-testid="analytics-loaded" data-scope={storeId ?? CHAIN}>
          <p className="-mt-3 text-xs text-slate-500">
            {t("periodLine", {
              from: k.from,
              to: k.to,
              previousFrom: k.previousPeriod.from,
              previousTo: k.previousPeriod.to,
            })}
          </p>
          <KpiTiles k={k} />
          <div className="grid grid-cols-3 gap-4 max-lg:grid-cols-1">
            <Panel title={t("charts.trend")} className="col-span-2 max-lg:col-span-1">
              <TrendChart k={k} />
            </Panel>
            <Panel title={t("charts.mix")}>
              <ChannelMixChart k={k} />
            </Panel>
          </div>
          {/* The returns table has four columns: it gets the widest third, and scrolls rather than spill over. */}
          <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1.35fr)] gap-4 max-lg:grid-cols-1">
            <Panel title={t("charts.funnel")}>
              <PickupFunnelChart k={k} />
            </Panel>
            <Panel title={t("charts.comparison")}>
              <ComparisonChart k={k} />
            </Panel>
            <Panel
              title={
                <span className="flex items-center justify-between">
                  {t("returnsByReason")}
                  <CsvButton filename={file("returns")} rows={reasonRows(k, locale, reason)} testId="csv-returns" />
                </span>
              }
            >
              <div className="overflow-x-auto">
                <ReturnsTable k={k} />
              </div>
            </Panel>
          </div>
          <Panel
            title={
              <span className="flex items-center justify-between">
                {t("byChannel")}
                <CsvButton filename={file("channels")} rows={channelRows(k, locale)} testId="csv-channels" />
              </span>
            }
          >
            <ChannelTable k={k} />
          </Panel>
          {!storeId && (
            <Panel
              testId="stores-panel"
              title={
                <span className="flex items-center justify-between">
                  {t("byStore")}
                  <CsvButton filename={file("stores")} rows={storeRows(k, locationName)} testId="csv-stores" />
                </span>
              }
            >
              <StoresChart k={k} />
              {/* Focusable so that a keyboard can scroll a table wider than the panel. */}
              <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={t("byStore")}>
                <StoresTable k={k} />
              </div>
            </Panel>
          )}
        </div>
      )}
    </>
  );
}
