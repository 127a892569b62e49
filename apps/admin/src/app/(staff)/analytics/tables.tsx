"use client";

import { TableHead } from "@/components/list-state";
import { useLocationName } from "@/components/location-name";
import { tableClass } from "@/components/page-header";
import { useLocale, useTranslations } from "next-intl";

import { channelLabel } from "@omni/ui/channel";

import { change, formats } from "./format";
import type { Kpis } from "./types";

const right = "text-right tabular-nums";

function Change({ now, before }: { now: number; before: number }) {
  const locale = useLocale();
  const value = change(now, before);
  if (value === null) return <span className="text-slate-400">—</span>;
  return (
    <span className={value >= 0 ? "text-emerald-700" : "text-rose-700"}>
      {new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(
        value,
      )}
    </span>
  );
}

/** Rows for the CSV export and the table alike, so the file says what the screen says. */
export function channelRows(k: Kpis, locale: string) {
  return k.byChannel.map((c) => ({
    channel: channelLabel(c.channel, locale),
    orders: c.orders,
    share: Number(c.share.toFixed(4)),
    revenue: c.revenueMinor / 100,
    averageOrder: c.averageOrderMinor / 100,
    unitsSold: c.unitsSold,
    returnRate: Number(c.returnRate.toFixed(4)),
    previousOrders: c.previous.orders,
    previousRevenue: c.previous.revenueMinor / 100,
  }));
}

export function ChannelTable({ k }: { k: Kpis }) {
  const t = useTranslations("analytics");
  const locale = useLocale();
  const f = formats(locale);
  return (
    <table className={tableClass} data-testid="table-channels">
      <TableHead
        columns={[
          t("columns.channel"),
          { label: t("columns.orders"), align: "right" },
          { label: t("columns.share"), align: "right" },
          { label: t("columns.revenue"), align: "right" },
          { label: t("columns.averageOrder"), align: "right" },
          { label: t("columns.returnRate"), align: "right" },
          { label: t("columns.change"), align: "right" },
        ]}
      />
      <tbody className="divide-y divide-slate-100">
        {k.byChannel.map((c) => (
          <tr key={c.channel}>
            <td className="font-medium">{channelLabel(c.channel, locale)}</td>
            <td className={right}>{f.whole(c.orders)}</td>
            <td className={right}>{f.percent(c.share)}</td>
            <td className={right}>{f.money(c.revenueMinor)}</td>
            <td className={right}>{f.money(c.averageOrderMinor)}</td>
            <td className={right}>{f.percent(c.returnRate)}</td>
            <td className={right}>
              <Change now={c.revenueMinor} before={c.previous.revenueMinor} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function reasonRows(k: Kpis, locale: string, reason: (r: string) => string) {
  return k.returns.byReason.map((r) => ({
    channel: channelLabel(r.channel, locale),
    reason: reason(r.reason),
    units: r.units,
    rate: Number(r.rate.toFixed(4)),
  }));
}

export function ReturnsTable({ k }: { k: Kpis }) {
  const t = useTranslations("analytics");
  const locale = useLocale();
  const f = formats(locale);
  if (!k.returns.byReason.length) return <p className="text-sm text-slate-500">{t("noReturns")}</p>;
  return (
    <table className={tableClass} data-testid="table-returns">
      <TableHead
        columns={[
          t("columns.channel"),
          t("columns.reason"),
          { label: t("columns.units"), align: "right" },
          { label: t("columns.rate"), align: "right" },
        ]}
      />
      <tbody className="divide-y divide-slate-100">
        {k.returns.byReason.map((r) => (
          <tr key={`${r.channel}-${r.reason}`}>
            <td>{channelLabel(r.channel, locale)}</td>
            <td>{t(`reasons.${r.reason}`)}</td>
            <td className={right}>{f.whole(r.units)}</td>
            <td className={right}>{f.percent(r.rate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The online warehouse is named in the clerk's language (`useLocationName`), as on the screen; stores by their names. */
export function storeRows(k: Kpis, locationName: (id: string, name: string) => string) {
  return k.byStore.map((s) => ({
    store: locationName(s.storeId, s.name),
    storeId: s.storeId,
    orders: s.orders,
    revenue: s.revenueMinor / 100,
    averageOrder: s.averageOrderMinor / 100,
    clickAndCollectShare: Number(s.clickAndCollectShare.toFixed(4)),
    pickupRate: Number(s.collectedRate.toFixed(4)),
    expired: s.ordersExpired,
    linesDeclined: s.linesDeclined,
    returnRate: Number(s.returnRate.toFixed(4)),
    reservationConversion: Number(s.reservationFulfilledRate.toFixed(4)),
    previousRevenue: s.previous.revenueMinor / 100,
  }));
}

export function StoresTable({ k }: { k: Kpis }) {
  const t = useTranslations("analytics");
  const locationName = useLocationName();
  const locale = useLocale();
  const f = formats(locale);
  return (
    <table className={`${tableClass} text-[13px] [&_td]:px-2 [&_th]:px-2`} data-testid="table-stores">
      <TableHead
        columns={[
          t("columns.store"),
          { label: t("columns.orders"), align: "right" },
          { label: t("columns.revenue"), align: "right" },
          { label: t("columns.change"), align: "right" },
          { label: t("columns.ccShare"), align: "right" },
          { label: t("columns.pickupRate"), align: "right" },
          { label: t("columns.expired"), align: "right" },
          { label: t("columns.returnRate"), align: "right" },
          { label: t("columns.reservationConversion"), align: "right" },
        ]}
      />
      <tbody className="divide-y divide-slate-100">
        {k.byStore.map((s) => (
          <tr key={s.storeId} data-testid="store-row" data-store={s.storeId}>
            <td className="font-medium whitespace-nowrap">{locationName(s.storeId, s.name).replace(/^Omni /, "")}</td>
            <td className={right}>{f.whole(s.orders)}</td>
            <td className={right}>{f.money(s.revenueMinor)}</td>
            <td className={right}>
              <Change now={s.revenueMinor} before={s.previous.revenueMinor} />
            </td>
            <td className={right}>{s.type === "store" ? f.percent(s.clickAndCollectShare) : "—"}</td>
            <td className={right}>{s.type === "store" ? f.percent(s.collectedRate) : "—"}</td>
            <td className={right}>{f.whole(s.ordersExpired)}</td>
            <td className={right}>{f.percent(s.returnRate)}</td>
            <td className={right}>{s.type === "store" ? f.percent(s.reservationFulfilledRate) : "—"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
