"use client";

import { useLocale, useTranslations } from "next-intl";

import { change, formats } from "./format";
import type { Kpis } from "./types";

type Tile = {
  key: string;
  value: string;
  delta?: number | null;
  /** For figures where less is better (expiries, returns, hours to ready). */
  lowerIsBetter?: boolean;
  hint?: string;
};

/** The headline numbers of the period, each against the previous period of the same length. */
export function KpiTiles({ k }: { k: Kpis }) {
  const t = useTranslations("analytics");
  const locale = useLocale();
  const f = formats(locale);
  const p = k.previous;
  const cc = k.clickAndCollect;
  const tiles: Tile[] = [
    { key: "orders", value: f.whole(k.totals.orders), delta: change(k.totals.orders, p.orders) },
    { key: "revenue", value: f.money(k.totals.revenueMinor), delta: change(k.totals.revenueMinor, p.revenueMinor) },
    {
      key: "averageOrder",
      value: f.money(k.totals.averageOrderMinor),
      delta: change(k.totals.averageOrderMinor, p.averageOrderMinor),
    },
    {
      key: "ccShare",
      value: f.percent(cc.share),
      delta: change(cc.share, p.clickAndCollect.share),
      hint: t("ccShareHint", { count: cc.orders }),
    },
    {
      key: "pickupRate",
      value: f.percent(cc.collectedRate),
      delta: change(cc.collectedRate, p.clickAndCollect.collectedRate),
      hint: t("pickupRateHint", { collected: cc.collected, ready: cc.ready }),
    },
    {
      key: "medianToReady",
      value: cc.medianHoursToReady === null ? "—" : t("hours", { hours: f.number(cc.medianHoursToReady) }),
      delta:
        cc.medianHoursToReady !== null && p.clickAndCollect.medianHoursToReady !== null
          ? change(cc.medianHoursToReady, p.clickAndCollect.medianHoursToReady)
          : null,
      lowerIsBetter: true,
    },
    {
      key: "expired",
      value: f.whole(k.totals.ordersExpired),
      delta: change(k.totals.ordersExpired, p.ordersExpired),
      lowerIsBetter: true,
    },
    {
      key: "declined",
      value: f.whole(k.totals.linesDeclined),
      delta: change(k.totals.linesDeclined, p.linesDeclined),
      lowerIsBetter: true,
    },
    {
      key: "returnRate",
      value: f.percent(k.totals.returnRate),
      delta: change(k.totals.returnRate, p.returnRate),
      lowerIsBetter: true,
    },
    {
      key: "reservationConversion",
      value: f.percent(k.reservations.fulfilledRate),
      delta: change(k.reservations.fulfilledRate, p.reservations.fulfilledRate),
      hint: t("reservationHint", { created: k.reservations.created }),
    },
    { key: "sellThrough", value: f.percent(k.stock.sellThrough), hint: t("sellThroughHint") },
    { key: "turnover", value: `${f.number(k.stock.stockTurnover)}×`, hint: t("turnoverHint") },
    {
      key: "gmroi",
      value: k.stock.gmroi === null ? "—" : f.number(k.stock.gmroi),
      hint: t("gmroiHint", { cost: f.money(k.stock.inventoryCostMinor) }),
    },
    { key: "loyalty", value: "—", hint: t("loyaltyHint") },
  ];
  return (
    <div className="grid grid-cols-7 gap-3 max-xl:grid-cols-4" data-testid="kpi-tiles">
      {tiles.map((tile) => (
        <div
          key={tile.key}
          className="rounded-xl border border-slate-200 bg-white px-3 py-2.5 shadow-sm"
          data-testid={`kpi-${tile.key}`}
        >
          <p className="line-clamp-2 min-h-8 text-xs leading-4 font-medium text-slate-500" title={t(`kpi.${tile.key}`)}>
            {t(`kpi.${tile.key}`)}
          </p>
          <p className="mt-0.5 text-xl font-semibold tabular-nums tracking-tight" data-testid="kpi-value">
            {tile.value}
          </p>
          <Delta value={tile.delta} lowerIsBetter={tile.lowerIsBetter} hint={tile.hint} />
        </div>
      ))}
    </div>
  );
}

function Delta({ value, lowerIsBetter, hint }: { value?: number | null; lowerIsBetter?: boolean; hint?: string }) {
  const t = useTranslations("analytics");
  const locale = useLocale();
  if (value === undefined || value === null)
    return <p className="text-xs leading-4 text-slate-500">{hint ?? t("noComparison")}</p>;
  const good = lowerIsBetter ? value <= 0 : value >= 0;
  const sign = value > 0 ? "▲" : value < 0 ? "▼" : "■";
  return (
    <p className={`text-xs leading-4 font-medium ${good ? "text-emerald-700" : "text-rose-700"}`}>
      {sign}{" "}
      {new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(
        value,
      )}{" "}
      <span className="font-normal text-slate-600">{t("vsPrevious")}</span>
    </p>
  );
}
