"use client";

import { ListState, TableHead } from "@/components/list-state";
import { inputClass, labelClass, PageHeader, Panel, tableClass } from "@/components/page-header";
import { canManageStock, useStaff } from "@/components/staff-context";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";

import { formatDateTime } from "@omni/ui/labels";
import { useTRPC } from "@omni/ui/trpc";

import { TransferStatus, transferStatuses, useStoreName } from "./transfer-status";

type Status = (typeof transferStatuses)[number];

/** What the chosen store sends and receives, filtered by status and direction. */
export function TransfersScreen() {
  const t = useTranslations("transfers");
  const locale = useLocale();
  const staff = useStaff();
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status | "">("");
  const [direction, setDirection] = useState<"incoming" | "outgoing" | "">("");
  const list = useQuery({
    ...trpc.transfers.list.queryOptions({
      storeId: staff.storeId,
      status: status || undefined,
      direction: direction || undefined,
    }),
    refetchInterval: 10_000,
  });
  const storeName = useStoreName();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { store: storeName(staff.storeId) })}
        actions={
          canManageStock(staff) && (
            <>
              <Link
                href="/replenishment"
                className="rounded-lg px-4 py-2 font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100"
              >
                {t("replenishment")}
              </Link>
              <Link
                href="/transfers/new"
                data-testid="new-transfer"
                className="rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white hover:bg-slate-700"
              >
                {t("new")}
              </Link>
            </>
          )
        }
      />
      <Panel>
        <div className="mb-4 flex flex-wrap gap-4">
          <label className={labelClass}>
            {t("filterStatus")}
            <select
              className={inputClass}
              value={status}
              onChange={(e) => setStatus(e.target.value as Status | "")}
              data-testid="transfer-status-filter"
            >
              <option value="">{t("allStatuses")}</option>
              {transferStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className={labelClass}>
            {t("filterDirection")}
            <select
              className={inputClass}
              value={direction}
              onChange={(e) => setDirection(e.target.value as "incoming" | "outgoing" | "")}
              data-testid="transfer-direction-filter"
            >
              <option value="">{t("bothDirections")}</option>
              <option value="incoming">{t("incoming")}</option>
              <option value="outgoing">{t("outgoing")}</option>
            </select>
          </label>
        </div>
        <ListState query={list} empty={t("empty")}>
          {(transfers) => (
            <table className={tableClass} data-testid="transfers-table">
              <TableHead
                columns={[
                  t("number"),
                  t("direction"),
                  t("otherStore"),
                  t("lines"),
                  t("order"),
                  t("created"),
                  t("statusColumn"),
                ]}
              />
              <tbody className="divide-y divide-slate-100">
                {transfers.map((tr) => {
                  const incoming = tr.toStoreId === staff.storeId;
                  return (
                    <tr key={tr.transferNumber} data-testid="transfer-row" data-transfer-number={tr.transferNumber}>
                      <td>
                        <Link
                          href={`/transfers/${encodeURIComponent(tr.transferNumber)}`}
                          className="font-mono font-semibold text-sky-800 underline"
                        >
                          {tr.transferNumber}
                        </Link>
                      </td>
                      <td>{incoming ? t("incoming") : t("outgoing")}</td>
                      <td>{storeName(incoming ? tr.fromStoreId : tr.toStoreId)}</td>
                      <td>{t("unitCount", { count: tr.lines.reduce((n, l) => n + l.quantity, 0) })}</td>
                      <td className="font-mono">{tr.orderNumber ?? "—"}</td>
                      <td>{formatDateTime(tr.createdAt, locale)}</td>
                      <td>
                        <TransferStatus status={tr.status} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </ListState>
      </Panel>
    </>
  );
}
