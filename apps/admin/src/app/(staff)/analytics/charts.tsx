"use client";

import { useLocationName } from "@/components/location-name";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ComposedChart,
  Legend,
  Line,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

import { channelLabel } from "@omni/ui/channel";

import { channelColors, formats } from "./format";
import type { Kpis } from "./types";

const axis = { fontSize: 11, fill: "#64748b" };

/** Orders per day by channel (stacked) with the day's revenue as a line. */
export function TrendChart({ k }: { k: Kpis }) {
  const locale = useLocale();
  const t = useTranslations("analytics");
  const f = formats(locale);
  const data = k.daily.map((d) => ({ ...d, revenue: d.revenueMinor }));
  return (
    <div className="h-72" data-testid="chart-trend" role="img" aria-label={t("charts.trend")}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="day" tickFormatter={f.day} tick={axis} minTickGap={18} />
          <YAxis yAxisId="orders" tick={axis} width={36} allowDecimals={false} />
          <YAxis
            yAxisId="revenue"
            orientation="right"
            tick={axis}
            width={64}
            tickFormatter={(v: number) => f.compactMoney(v)}
          />
          <Tooltip
            labelFormatter={(d: ReactNode) => (typeof d === "string" || typeof d === "number" ? f.day(String(d)) : d)}
            formatter={(value, name) => (name === t("revenue") ? f.money(Number(value)) : f.whole(Number(value)))}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {(["web", "kiosk", "store"] as const).map((c) => (
            <Bar
              key={c}
              yAxisId="orders"
              dataKey={c}
              stackId="orders"
              name={channelLabel(c, locale)}
              fill={channelColors[c]}
              maxBarSize={18}
            />
          ))}
          <Line
            yAxisId="revenue"
            dataKey="revenue"
            name={t("revenue")}
            stroke="#0f172a"
            strokeWidth={2}
            dot={false}
            type="monotone"
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** The share of each channel in the period's orders and revenue. */
export function ChannelMixChart({ k }: { k: Kpis }) {
  const locale = useLocale();
  const t = useTranslations("analytics");
  const f = formats(locale);
  const data = k.byChannel.map((c) => ({
    name: channelLabel(c.channel, locale),
    channel: c.channel,
    value: c.orders,
    revenue: c.revenueMinor,
  }));
  return (
    <div className="h-60" data-testid="chart-mix" role="img" aria-label={t("charts.mix")}>
      <ResponsiveContainer width="100%" height="100%">
        <PieChart>
          <Pie
            data={data}
            dataKey="value"
            nameKey="name"
            innerRadius="55%"
            outerRadius="85%"
            paddingAngle={2}
            isAnimationActive={false}
          >
            {data.map((d) => (
              <Cell key={d.channel} fill={channelColors[d.channel]} />
            ))}
          </Pie>
          <Tooltip
            formatter={(value) =>
              `${f.whole(Number(value))} (${f.percent(Number(value) / Math.max(1, k.totals.orders))})`
            }
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
        </PieChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Click and collect from order to hand-over: placed, ready, collected. */
export function PickupFunnelChart({ k }: { k: Kpis }) {
  const locale = useLocale();
  const t = useTranslations("analytics");
  const f = formats(locale);
  const cc = k.clickAndCollect;
  const data = [
    { step: t("funnel.placed"), value: cc.orders, fill: "#0284c7" },
    { step: t("funnel.ready"), value: cc.ready, fill: "#0ea5e9" },
    { step: t("funnel.collected"), value: cc.collected, fill: "#10b981" },
    { step: t("funnel.expired"), value: k.totals.ordersExpired, fill: "#f43f5e" },
  ];
  return (
    <div className="h-60" data-testid="chart-funnel" role="img" aria-label={t("charts.funnel")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 48, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="#e2e8f0" horizontal={false} />
          <XAxis type="number" tick={axis} allowDecimals={false} />
          <YAxis type="category" dataKey="step" tick={axis} width={96} />
          <Tooltip formatter={(value) => f.whole(Number(value))} />
          <Bar
            dataKey="value"
            name={t("orders")}
            isAnimationActive={false}
            label={{ position: "right", fontSize: 11, fill: "#334155" }}
          >
            {data.map((d) => (
              <Cell key={d.step} fill={d.fill} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Revenue per channel, this period against the previous one. */
export function ComparisonChart({ k }: { k: Kpis }) {
  const locale = useLocale();
  const t = useTranslations("analytics");
  const f = formats(locale);
  const data = k.byChannel.map((c) => ({
    name: channelLabel(c.channel, locale),
    current: c.revenueMinor,
    previous: c.previous.revenueMinor,
  }));
  return (
    <div className="h-60" data-testid="chart-comparison" role="img" aria-label={t("charts.comparison")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="name" tick={axis} />
          <YAxis tick={axis} width={64} tickFormatter={(v: number) => f.compactMoney(v)} />
          <Tooltip formatter={(value) => f.money(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="previous" name={t("previousPeriod")} fill="#cbd5e1" isAnimationActive={false} maxBarSize={36} />
          <Bar dataKey="current" name={t("thisPeriod")} fill="#0f172a" isAnimationActive={false} maxBarSize={36} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Revenue store by store (the chain view), this period against the previous one. */
export function StoresChart({ k }: { k: Kpis }) {
  const locale = useLocale();
  const t = useTranslations("analytics");
  const locationName = useLocationName();
  const f = formats(locale);
  const data = k.byStore.slice(0, 12).map((s) => ({
    name: locationName(s.storeId, s.name).replace(/^Omni /, ""),
    current: s.revenueMinor,
    previous: s.previous.revenueMinor,
  }));
  return (
    <div className="h-64" data-testid="chart-stores" role="img" aria-label={t("charts.stores")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="name" tick={axis} interval={0} />
          <YAxis tick={axis} width={64} tickFormatter={(v: number) => f.compactMoney(v)} />
          <Tooltip formatter={(value) => f.money(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="previous" name={t("previousPeriod")} fill="#cbd5e1" isAnimationActive={false} maxBarSize={28} />
          <Bar dataKey="current" name={t("thisPeriod")} fill="#0284c7" isAnimationActive={false} maxBarSize={28} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
