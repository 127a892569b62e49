"use client";

import { CodeLookup } from "@/components/code-lookup";
import { ListState, TableHead } from "@/components/list-state";
import { PageHeader, Panel, tableClass } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useLocale, useNow, useTranslations } from "next-intl";
import { useState } from "react";

import type { AppRouter } from "@omni/api";
import { formatMoney } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { StatusBadge } from "@omni/ui/status-badge";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

type Reservation = inferRouterOutputs<AppRouter>["reservations"]["list"][number];
const statuses = ["active", "fulfilled", "expired", "cancelled"] as const;

/** Reservations of the chosen store, and the counter: find one by code, sell some or all of it. */
export function ReservationsScreen() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("reservations");
  const locale = useLocale();
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const { storeId } = useStaff();
  const trpc = useTRPC();
  const [status, setStatus] = useState<(typeof statuses)[number]>("active");
  const [open, setOpen] = useState<Reservation | null>(null);
  const list = useQuery({ ...trpc.reservations.list.queryOptions({ storeId, status }), refetchInterval: 15_000 });
  const lookup = useMutation(trpc.reservations.lookup.mutationOptions({ onSuccess: (found) => setOpen(found) }));
  const [typed, setTyped] = useState("");
  const find = (code: string) => {
    if (!code.trim()) return;
    setTyped(code.trim());
    setOpen(null);
    lookup.mutate({ code: code.trim() });
  };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid grid-cols-[minmax(0,7fr)_minmax(0,5fr)] items-start gap-5 max-lg:grid-cols-1">
        <Panel>
          <div className="mb-3 flex gap-1" role="tablist">
            {statuses.map((s) => (
              <button
                key={s}
                role="tab"
                aria-selected={status === s}
                onClick={() => setStatus(s)}
                className={`rounded-md px-3 py-1.5 text-sm font-medium ${status === s ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
                data-testid={`reservations-tab-${s}`}
              >
                {t(`status.${s}`)}
              </button>
            ))}
          </div>
          <ListState query={list} empty={t("none")}>
            {(rows) => (
              <table className={tableClass}>
                <TableHead
                  columns={[
                    t("code"),
                    t("shopper"),
                    t("items"),
                    { label: t("total"), align: "right" },
                    status === "active" ? t("expires") : t("statusHeader"),
                  ]}
                />
                <tbody className="divide-y divide-slate-100">
                  {rows.map((r) => (
                    <tr
                      key={r.code}
                      data-testid={`reservation-row-${r.code}`}
                      className={`cursor-pointer ${open?.code === r.code ? "bg-sky-50" : "hover:bg-slate-50"}`}
                      onClick={() => setOpen(r)}
                    >
                      <td className="font-mono font-semibold">{r.code}</td>
                      <td>
                        {r.name}
                        <span className="block text-xs text-slate-500">{r.email}</span>
                      </td>
                      <td>{r.lines.reduce((n, l) => n + l.quantity, 0)}</td>
                      <td className="text-right whitespace-nowrap">{formatMoney(r.totalMinor, r.currency, locale)}</td>
                      <td className="whitespace-nowrap">
                        {status === "active" ? (
                          format.relativeTime(new Date(r.expiresAt), now)
                        ) : (
                          <StatusBadge status={r.status} locale={locale} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </ListState>
        </Panel>
        <div className="flex flex-col gap-5">
          <Panel title={t("counter")}>
            <CodeLookup
              value={typed}
              onChange={setTyped}
              onFind={find}
              label={t("code")}
              placeholder={t("codePlaceholder")}
              buttonLabel={t("find")}
              busy={lookup.isPending}
              testIds={{ input: "reservation-code-input", submit: "reservation-find", scan: "reservation-scan" }}
            />
            {lookup.isError && (
              <div className="mt-3">
                <ErrorMessage message={errorMessage(lookup.error)} />
              </div>
            )}
          </Panel>
          {open && (
            <ReservationSale
              reservation={open}
              key={`${open.code}-${open.status}`}
              onSold={() => void list.refetch()}
            />
          )}
        </div>
      </div>
    </>
  );
}

function ReservationSale({ reservation, onSold }: { reservation: Reservation; onSold: () => void }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("reservations");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [selling, setSelling] = useState<string[]>(reservation.lines.map((l) => l.sku));
  const fulfil = useMutation(
    trpc.reservations.fulfil.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.reservations.list.queryKey() });
        onSold();
      },
    }),
  );
  const money = (minor: number) => formatMoney(minor, reservation.currency, locale);
  const active = reservation.status === "active";
  const total = reservation.lines
    .filter((l) => selling.includes(l.sku))
    .reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0);
  if (fulfil.data) {
    return (
      <Panel className="border-emerald-300 bg-emerald-50" testId="reservation-sold">
        <h2 className="text-xl font-semibold text-emerald-900">{t("sold", { order: fulfil.data.orderNumber })}</h2>
        <p className="mt-2">
          {t("takePayment", { amount: formatMoney(fulfil.data.totalMinor, fulfil.data.currency, locale) })}
        </p>
        {selling.length < reservation.lines.length && <p className="mt-1 text-slate-700">{t("restReleased")}</p>}
      </Panel>
    );
  }
  return (
    <Panel testId="reservation-detail">
      <div className="mb-3 flex items-start justify-between gap-2">
        <div>
          <p className="font-mono text-lg font-semibold">{reservation.code}</p>
          <p>{reservation.name}</p>
          <p className="text-sm text-slate-600">
            {reservation.email}
            {reservation.phone && ` · ${reservation.phone}`}
          </p>
          <p className="text-sm text-slate-500">
            {t("expiresAt", {
              at: format.dateTime(new Date(reservation.expiresAt), { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
        </div>
        <StatusBadge status={reservation.status} locale={locale} />
      </div>
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200">
        {reservation.lines.map((line) => (
          <li key={line.sku} className="flex items-center gap-3 px-3 py-2">
            <input
              type="checkbox"
              className="h-5 w-5"
              checked={selling.includes(line.sku)}
              disabled={!active}
              onChange={(e) =>
                setSelling(e.target.checked ? [...selling, line.sku] : selling.filter((s) => s !== line.sku))
              }
              aria-label={t("sellLine", { item: line.title })}
              data-testid={`reservation-line-${line.sku}`}
            />
            <span className="flex-1">
              <strong>{line.quantity}×</strong> {line.title}
              <span className="block font-mono text-xs text-slate-500">{line.sku}</span>
            </span>
            <span className="whitespace-nowrap">{money(line.quantity * line.unitPriceMinor)}</span>
          </li>
        ))}
      </ul>
      {reservation.orderNumber && <p className="mt-3 text-sm">{t("soldAs", { order: reservation.orderNumber })}</p>}
      {active && (
        <div className="mt-4 flex flex-wrap items-center justify-between gap-3">
          <p className="text-lg">{t("toPay", { amount: money(total) })}</p>
          <Button
            size="lg"
            disabled={!selling.length}
            busy={fulfil.isPending}
            onClick={() =>
              fulfil.mutate({
                code: reservation.code,
                skus: selling.length === reservation.lines.length ? undefined : selling,
              })
            }
            data-testid="reservation-fulfil"
          >
            {selling.length === reservation.lines.length ? t("sellAll") : t("sellSome", { count: selling.length })}
          </Button>
          {selling.length < reservation.lines.length && (
            <p className="w-full text-sm text-amber-800">{t("restWillBeReleased")}</p>
          )}
        </div>
      )}
      {fulfil.isError && (
        <div className="mt-3">
          <ErrorMessage message={errorMessage(fulfil.error)} />
        </div>
      )}
    </Panel>
  );
}
