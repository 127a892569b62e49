"use client";

import { useLocations } from "@/components/location-name";
import { inputClass, labelClass, PageHeader, Panel } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

type Line = { sku: string; quantity: string };

/** A manager asks another location for goods, or pushes goods from this store to another. */
export function NewTransferForm() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("transfers");
  const staff = useStaff();
  const trpc = useTRPC();
  const router = useRouter();
  const stores = useLocations();
  const [mode, setMode] = useState<"ask" | "push">("ask");
  const [other, setOther] = useState("");
  const [lines, setLines] = useState<Line[]>([{ sku: "", quantity: "1" }]);
  const [reason, setReason] = useState("");
  // One key per form: a double submit or a retry after a lost answer creates one transfer.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const create = useMutation(
    trpc.transfers.create.mutationOptions({
      onSuccess: (created) => router.push(`/transfers/${encodeURIComponent(created.transferNumber)}`),
    }),
  );
  const others = (stores.data ?? []).filter((s) => s.id !== staff.storeId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = mode === "ask" ? other : staff.storeId;
    const to = mode === "ask" ? staff.storeId : other;
    create.mutate({
      fromStoreId: from,
      toStoreId: to,
      reason,
      idempotencyKey,
      lines: lines.filter((l) => l.sku.trim()).map((l) => ({ sku: l.sku.trim(), quantity: Number(l.quantity) })),
    });
  };
  const setLine = (i: number, change: Partial<Line>) =>
    setLines((all) => all.map((l, j) => (j === i ? { ...l, ...change } : l)));
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <form onSubmit={submit} className="grid max-w-3xl gap-5" data-testid="new-transfer-form">
        <Panel title={t("direction")}>
          <div role="radiogroup" className="flex flex-wrap gap-3">
            {(["ask", "push"] as const).map((m) => (
              <label
                key={m}
                className={`flex cursor-pointer items-center gap-2 rounded-lg px-4 py-3 ring-1 ${mode === m ? "bg-sky-50 ring-2 ring-sky-600" : "ring-slate-300"}`}
              >
                <input
                  type="radio"
                  name="mode"
                  checked={mode === m}
                  onChange={() => setMode(m)}
                  data-testid={`transfer-mode-${m}`}
                />
                {t(m === "ask" ? "modeAsk" : "modePush")}
              </label>
            ))}
          </div>
          <label className={`${labelClass} mt-4`}>
            {mode === "ask" ? t("askFrom") : t("pushTo")}
            <select
              className={inputClass}
              required
              value={other}
              onChange={(e) => setOther(e.target.value)}
              data-testid="transfer-other-store"
            >
              <option value="">{t("chooseStore")}</option>
              {others.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
        </Panel>
        <Panel title={t("lines")}>
          <div className="flex flex-col gap-3">
            {lines.map((line, i) => (
              <div key={i} className="grid grid-cols-[1fr_8rem_auto] items-end gap-3">
                <label className={labelClass}>
                  {t("sku")}
                  <input
                    className={`${inputClass} font-mono`}
                    value={line.sku}
                    onChange={(e) => setLine(i, { sku: e.target.value })}
                    data-testid="transfer-line-sku"
                    required={i === 0}
                  />
                </label>
                <label className={labelClass}>
                  {t("quantity")}
                  <input
                    className={inputClass}
                    type="number"
                    min={1}
                    max={100000}
                    required
                    value={line.quantity}
                    onChange={(e) => setLine(i, { quantity: e.target.value })}
                    data-testid="transfer-line-quantity"
                  />
                </label>
                <Button
                  type="button"
                  variant="ghost"
                  disabled={lines.length === 1}
                  onClick={() => setLines((all) => all.filter((_, j) => j !== i))}
                >
                  {t("removeLine")}
                </Button>
              </div>
            ))}
            <Button
              type="button"
              variant="secondary"
              onClick={() => setLines((all) => [...all, { sku: "", quantity: "1" }])}
              data-testid="add-transfer-line"
            >
              {t("addLine")}
            </Button>
          </div>
        </Panel>
        <Panel>
          <label className={labelClass}>
            {t("reason")}
            <input
              className={inputClass}
              required
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t("reasonPlaceholder")}
              data-testid="transfer-reason"
            />
          </label>
          <div className="mt-4 flex items-center gap-3">
            <Button type="submit" busy={create.isPending} data-testid="create-transfer">
              {t("create")}
            </Button>
          </div>
          {create.isError && <ErrorMessage message={errorMessage(create.error)} />}
        </Panel>
      </form>
    </>
  );
}
