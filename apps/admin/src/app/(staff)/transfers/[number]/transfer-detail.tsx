"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { TableHead } from "@/components/list-state";
import { inputClass, labelClass, PageHeader, Panel, tableClass } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { canManageStock, useStaff } from "@/components/staff-context";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";

import type { AppRouter } from "@omni/api";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { formatDateTime } from "@omni/ui/labels";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { TransferStatus, useStoreName } from "../transfer-status";

type Transfer = inferRouterOutputs<AppRouter>["transfers"]["get"];

/** One transfer: the source packs and ships it from a pick list, the destination scans in what arrived. */
export function TransferDetail({ transferNumber }: { transferNumber: string }) {
  const t = useTranslations("transfers");
  const locale = useLocale();
  const staff = useStaff();
  const trpc = useTRPC();
  const storeName = useStoreName();
  const transfer = useQuery(trpc.transfers.get.queryOptions({ transferNumber }));
  if (transfer.isPending || transfer.isError)
    return <QueryState query={transfer} back={{ href: "/transfers", label: t("backToList") }} />;
  const tr = transfer.data;
  const atSource = staff.role === "admin" || staff.stores.some((s) => s.id === tr.fromStoreId);
  const atDestination = staff.role === "admin" || staff.stores.some((s) => s.id === tr.toStoreId);
  return (
    <>
      <PageHeader
        title={t("detailTitle", { number: tr.transferNumber })}
        description={t("route", { from: storeName(tr.fromStoreId), to: storeName(tr.toStoreId) })}
        actions={
          <Link href="/transfers" className="font-semibold text-sky-800 underline">
            {t("backToList")}
          </Link>
        }
      />
      <div className="mb-5 flex flex-wrap items-center gap-4 text-sm text-slate-700">
        <TransferStatus status={tr.status} />
        <span>{tr.reason}</span>
        {tr.orderNumber && (
          <span data-testid="transfer-order">
            {t("forOrder")}: <strong className="font-mono">{tr.orderNumber}</strong>
          </span>
        )}
        <span>
          {t("created")}: {formatDateTime(tr.createdAt, locale)}
        </span>
        {tr.shippedAt && (
          <span>
            {t("shipped")}: {formatDateTime(tr.shippedAt, locale)}
          </span>
        )}
        {tr.receivedAt && (
          <span>
            {t("receivedAt")}: {formatDateTime(tr.receivedAt, locale)}
          </span>
        )}
      </div>
      {tr.status === "requested" && atSource ? (
        <PickList transfer={tr} />
      ) : tr.status === "in_transit" && atDestination ? (
        <ReceiveList transfer={tr} />
      ) : (
        <LinesTable transfer={tr} />
      )}
      {tr.status === "requested" && canManageStock(staff) && (atSource || atDestination) && (
        <CancelTransfer transferNumber={tr.transferNumber} />
      )}
    </>
  );
}

/** A scanner types the SKU and Enter; a clerk without one types it. Each scan counts one unit. */
function ScanField({ onScan, testId }: { onScan: (sku: string) => string | null; testId: string }) {
  const t = useTranslations("transfers");
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const sku = value.trim();
    if (!sku) return;
    setProblem(onScan(sku));
    setValue("");
  };
  return (
    <form onSubmit={submit} className="mb-4 flex flex-wrap items-end gap-3">
      <label className={`${labelClass} min-w-80 flex-1`}>
        {t("scan")}
        <input
          className={`${inputClass} font-mono`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={t("scanPlaceholder")}
          autoFocus
          autoComplete="off"
          data-testid={testId}
        />
      </label>
      <Button type="submit" variant="secondary">
        {t("scanAdd")}
      </Button>
      {problem && (
        <p role="alert" className="w-full text-sm font-medium text-red-700">
          {problem}
        </p>
      )}
    </form>
  );
}

function useRefresh(transferNumber: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trpc.transfers.get.queryKey({ transferNumber }) });
    void queryClient.invalidateQueries({ queryKey: trpc.transfers.list.queryKey() });
  };
}

/** The source's pick list, by aisle: every line scanned or ticked before the parcel can leave. */
function PickList({ transfer }: { transfer: Transfer }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("transfers");
  const trpc = useTRPC();
  const refresh = useRefresh(transfer.transferNumber);
  const [packed, setPacked] = useState<Record<string, number>>({});
  const ship = useMutation(trpc.transfers.ship.mutationOptions({ onSuccess: refresh }));
  const done = transfer.lines.every((l) => (packed[l.sku] ?? 0) >= l.quantity);
  const scan = (sku: string) => {
    const line = transfer.lines.find((l) => l.sku.toLowerCase() === sku.toLowerCase());
    if (!line) return t("notOnTransfer", { sku });
    if ((packed[line.sku] ?? 0) >= line.quantity) return t("alreadyAll", { sku: line.sku });
    setPacked((p) => ({ ...p, [line.sku]: (p[line.sku] ?? 0) + 1 }));
    return null;
  };
  return (
    <Panel title={t("pickList")} testId="pick-list">
      <ScanField onScan={scan} testId="pick-scan" />
      <table className={tableClass}>
        <TableHead
          columns={[
            t("packedColumn"),
            t("aisle"),
            t("sku"),
            t("product"),
            { label: t("quantity"), align: "right" },
            { label: t("packed"), align: "right" },
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {transfer.lines.map((l) => {
            const count = packed[l.sku] ?? 0;
            return (
              <tr key={l.sku} data-testid="pick-line" data-sku={l.sku} data-packed={count}>
                <td>
                  <input
                    type="checkbox"
                    className="h-5 w-5"
                    aria-label={t("tick", { sku: l.sku })}
                    checked={count >= l.quantity}
                    onChange={(e) => setPacked((p) => ({ ...p, [l.sku]: e.target.checked ? l.quantity : 0 }))}
                    data-testid="pick-tick"
                  />
                </td>
                <td>{l.aisle ?? "—"}</td>
                <td className="font-mono">{l.sku}</td>
                <td>{l.title}</td>
                <td className="text-right">{l.quantity}</td>
                <td className={`text-right font-semibold ${count >= l.quantity ? "text-emerald-700" : ""}`}>{count}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <ConfirmButton
          variant="primary"
          question={t("shipQuestion")}
          onConfirm={() => ship.mutate({ transferNumber: transfer.transferNumber })}
          busy={ship.isPending}
          testId="ship-transfer"
        >
          {t("ship")}
        </ConfirmButton>
        {!done && <span className="text-sm text-amber-800">{t("notAllPacked")}</span>}
      </div>
      {ship.isError && <ErrorMessage message={errorMessage(ship.error)} />}
    </Panel>
  );
}

/** The destination counts what arrived; a shortfall needs a reason and is booked as a loss. */
function ReceiveList({ transfer }: { transfer: Transfer }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("transfers");
  const trpc = useTRPC();
  const refresh = useRefresh(transfer.transferNumber);
  const [counted, setCounted] = useState<Record<string, number>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const receive = useMutation(trpc.transfers.receive.mutationOptions({ onSuccess: refresh }));
  const scan = (sku: string) => {
    const line = transfer.lines.find((l) => l.sku.toLowerCase() === sku.toLowerCase());
    if (!line) return t("notOnTransfer", { sku });
    if ((counted[line.sku] ?? 0) >= line.quantity) return t("alreadyAll", { sku: line.sku });
    setCounted((c) => ({ ...c, [line.sku]: (c[line.sku] ?? 0) + 1 }));
    return null;
  };
  const short = transfer.lines.filter((l) => (counted[l.sku] ?? 0) < l.quantity);
  const missingReason = short.some((l) => !reasons[l.sku]?.trim());
  const submit = () =>
    receive.mutate({
      transferNumber: transfer.transferNumber,
      lines: transfer.lines.map((l) => ({
        sku: l.sku,
        quantity: counted[l.sku] ?? 0,
        lossReason: (counted[l.sku] ?? 0) < l.quantity ? reasons[l.sku]?.trim() || undefined : undefined,
      })),
    });
  return (
    <Panel title={t("receiveTitle")} testId="receive-list">
      <ScanField onScan={scan} testId="receive-scan" />
      <table className={tableClass}>
        <TableHead
          columns={[
            t("sku"),
            t("product"),
            { label: t("sent"), align: "right" },
            { label: t("arrived"), align: "right" },
            t("lossReason"),
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {transfer.lines.map((l) => {
            const count = counted[l.sku] ?? 0;
            return (
              <tr key={l.sku} data-testid="receive-line" data-sku={l.sku} data-received={count}>
                <td className="font-mono">{l.sku}</td>
                <td>{l.title}</td>
                <td className="text-right">{l.quantity}</td>
                <td className="text-right">
                  <input
                    type="number"
                    min={0}
                    max={l.quantity}
                    className={`${inputClass} w-24 text-right`}
                    value={count}
                    aria-label={t("arrivedOf", { sku: l.sku })}
                    onChange={(e) =>
                      setCounted((c) => ({ ...c, [l.sku]: Math.max(0, Math.min(l.quantity, Number(e.target.value))) }))
                    }
                    data-testid="receive-quantity"
                  />
                </td>
                <td>
                  {count < l.quantity ? (
                    <input
                      className={inputClass}
                      maxLength={500}
                      value={reasons[l.sku] ?? ""}
                      placeholder={t("lossReasonPlaceholder")}
                      onChange={(e) => setReasons((r) => ({ ...r, [l.sku]: e.target.value }))}
                      data-testid="loss-reason"
                    />
                  ) : (
                    <span className="text-emerald-700">{t("complete")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        {short.length === 0 ? (
          <Button onClick={submit} busy={receive.isPending} data-testid="receive-transfer">
            {t("receive")}
          </Button>
        ) : (
          <ConfirmButton
            variant="primary"
            question={t("receiveShortQuestion", { count: short.length })}
            onConfirm={submit}
            busy={receive.isPending || missingReason}
            testId="receive-transfer"
          >
            {t("receiveShort")}
          </ConfirmButton>
        )}
        {short.length > 0 && missingReason && <span className="text-sm text-amber-800">{t("needReason")}</span>}
      </div>
      {receive.isError && <ErrorMessage message={errorMessage(receive.error)} />}
    </Panel>
  );
}

function LinesTable({ transfer }: { transfer: Transfer }) {
  const t = useTranslations("transfers");
  return (
    <Panel title={t("lines")} testId="transfer-lines">
      <table className={tableClass}>
        <TableHead
          columns={[
            t("sku"),
            t("product"),
            { label: t("sent"), align: "right" },
            { label: t("arrived"), align: "right" },
            t("lossReason"),
          ]}
        />
        <tbody className="divide-y divide-slate-100">
          {transfer.lines.map((l) => (
            <tr key={l.sku} data-testid="transfer-line" data-sku={l.sku}>
              <td className="font-mono">{l.sku}</td>
              <td>{l.title}</td>
              <td className="text-right">{l.quantity}</td>
              <td className="text-right">{l.received ?? "—"}</td>
              <td>{l.lossReason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function CancelTransfer({ transferNumber }: { transferNumber: string }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("transfers");
  const trpc = useTRPC();
  const refresh = useRefresh(transferNumber);
  const cancel = useMutation(trpc.transfers.cancel.mutationOptions({ onSuccess: refresh }));
  return (
    <div className="mt-5">
      <ConfirmButton
        question={t("cancelQuestion")}
        onConfirm={() => cancel.mutate({ transferNumber, reason: t("cancelReason") })}
        busy={cancel.isPending}
        testId="cancel-transfer"
      >
        {t("cancel")}
      </ConfirmButton>
      {cancel.isError && <ErrorMessage message={errorMessage(cancel.error)} />}
    </div>
  );
}
