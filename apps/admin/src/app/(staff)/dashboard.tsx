"use client";

import { PageHeader } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import type { ReactNode } from "react";

import { useTRPC } from "@omni/ui/trpc";

/** Today at a glance for the chosen store; every tile leads to the screen where the work is done. */
export function Dashboard() {
  const t = useTranslations("dashboard");
  const { storeId, stores, name } = useStaff();
  const trpc = useTRPC();
  const queue = useQuery({ ...trpc.fulfillment.queue.queryOptions({ storeId }), refetchInterval: 10_000 });
  const reservations = useQuery({
    ...trpc.reservations.list.queryOptions({ storeId, status: "active" }),
    refetchInterval: 30_000,
  });
  const returns = useQuery({
    ...trpc.returns.list.queryOptions({ storeId, status: "requested" }),
    refetchInterval: 30_000,
  });
  const lowStock = useQuery({
    ...trpc.inventory.lowStockCount.queryOptions({ storeId, threshold: 2 }),
    refetchInterval: 60_000,
  });
  const orders = queue.data ?? [];
  const count = (status: string) => orders.filter((o) => o.fulfillmentType === "pickup" && o.status === status).length;
  const soon = (reservations.data ?? []).filter(
    (r) => new Date(r.expiresAt).getTime() - Date.now() < 24 * 3_600_000,
  ).length;
  const value = (q: { isPending: boolean; isError: boolean }, n: number) => (q.isError ? "!" : q.isPending ? "…" : n);
  return (
    <>
      <PageHeader
        title={t("hello", { name })}
        description={t("today", { store: stores.find((s) => s.id === storeId)?.name ?? storeId })}
      />
      <div className="grid grid-cols-4 gap-4 max-lg:grid-cols-2">
        <Tile href="/pickup" label={t("placed")} value={value(queue, count("placed"))} testId="tile-placed" />
        <Tile href="/pickup" label={t("picking")} value={value(queue, count("picking"))} testId="tile-picking" />
        <Tile href="/pickup" label={t("ready")} value={value(queue, count("ready_for_pickup"))} testId="tile-ready" />
        <Tile
          href="/pickup/collect"
          label={t("waiting")}
          value={value(queue, orders.filter((o) => o.checkedInAt).length)}
          tone={orders.some((o) => o.checkedInAt) ? "amber" : undefined}
          testId="tile-waiting"
        />
        <Tile
          href="/pickup"
          label={t("deliveries")}
          value={value(queue, orders.filter((o) => o.fulfillmentType === "delivery").length)}
          testId="tile-deliveries"
        />
        <Tile
          href="/reservations"
          label={t("reservations")}
          value={value(reservations, reservations.data?.length ?? 0)}
          hint={soon ? t("expiringSoon", { count: soon }) : undefined}
          warn
          testId="tile-reservations"
        />
        <Tile
          href="/returns"
          label={t("returns")}
          value={value(returns, returns.data?.length ?? 0)}
          testId="tile-returns"
        />
        <Tile
          href="/stock"
          label={t("lowStock")}
          value={value(lowStock, lowStock.data?.count ?? 0)}
          hint={t("lowStockHint")}
          warn
          testId="tile-stock"
        />
      </div>
    </>
  );
}

function Tile({
  href,
  label,
  value,
  hint,
  warn,
  tone,
  testId,
}: {
  href: string;
  label: string;
  value: ReactNode;
  hint?: string;
  warn?: boolean;
  tone?: "amber";
  testId: string;
}) {
  return (
    <Link
      href={href}
      data-testid={testId}
      className={`rounded-xl border p-5 shadow-sm transition-colors ${tone === "amber" ? "border-amber-400 bg-amber-50 hover:bg-amber-100" : "border-slate-200 bg-white hover:bg-slate-50"}`}
    >
      <p className="text-sm font-medium text-slate-600">{label}</p>
      <p className="mt-2 text-4xl font-semibold tabular-nums">{value}</p>
      {hint && <p className={`mt-1 text-sm ${warn ? "text-amber-800" : "text-slate-500"}`}>{hint}</p>}
    </Link>
  );
}
