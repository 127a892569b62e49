"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { errorMessage, useTRPC } from "@omni/ui/trpc";
import { inputClass, labelClass, Panel } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";

/** Cycle count (the shelf holds N) and goods received (N more arrived), each with a reason. */
export function StockForms({ sku }: { sku: string }) {
  const t = useTranslations("stock");
  const { storeId } = useStaff();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.inventory.availability.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.inventory.movements.queryKey() });
  };
  const count = useMutation(trpc.inventory.setOnHand.mutationOptions({ onSuccess: refresh }));
  const receive = useMutation(trpc.inventory.receive.mutationOptions({ onSuccess: refresh }));
  const [onHand, setOnHand] = useState("");
  const [countReason, setCountReason] = useState("");
  const [quantity, setQuantity] = useState("");
  const [receiveReason, setReceiveReason] = useState("");

  const submitCount = (e: FormEvent) => {
    e.preventDefault();
    receive.reset();
    count.mutate({ storeId, sku, onHand: Number(onHand), reason: countReason }, { onSuccess: () => { setOnHand(""); setCountReason(""); } });
  };
  const submitReceive = (e: FormEvent) => {
    e.preventDefault();
    count.reset();
    receive.mutate({ storeId, sku, quantity: Number(quantity), reason: receiveReason }, { onSuccess: () => { setQuantity(""); setReceiveReason(""); } });
  };
  const done = count.data ?? receive.data;

  return (
    <div className="grid grid-cols-2 gap-5 max-xl:grid-cols-1">
      <Panel title={t("cycleCount")}>
        <form onSubmit={submitCount} className="flex flex-col gap-3" data-testid="cycle-count-form">
          <label className={labelClass}>
            {t("countedOnHand")}
            <input className={inputClass} type="number" min={0} max={1_000_000} required inputMode="numeric" value={onHand} onChange={(e) => setOnHand(e.target.value)} data-testid="cycle-count-onhand" />
          </label>
          <label className={labelClass}>
            {t("reason")}
            <input className={inputClass} required maxLength={500} value={countReason} onChange={(e) => setCountReason(e.target.value)} placeholder={t("countReasonPlaceholder")} data-testid="cycle-count-reason" />
          </label>
          <Button type="submit" busy={count.isPending} data-testid="cycle-count-submit">
            {t("saveCount")}
          </Button>
          {count.isError && <ErrorMessage message={errorMessage(count.error)} />}
        </form>
      </Panel>
      <Panel title={t("receiving")}>
        <form onSubmit={submitReceive} className="flex flex-col gap-3" data-testid="receive-form">
          <label className={labelClass}>
            {t("receivedQuantity")}
            <input className={inputClass} type="number" min={1} max={100_000} required inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} data-testid="receive-quantity" />
          </label>
          <label className={labelClass}>
            {t("reason")}
            <input className={inputClass} required maxLength={500} value={receiveReason} onChange={(e) => setReceiveReason(e.target.value)} placeholder={t("receiveReasonPlaceholder")} data-testid="receive-reason" />
          </label>
          <Button type="submit" busy={receive.isPending} data-testid="receive-stock-submit">
            {t("saveReceive")}
          </Button>
          {receive.isError && <ErrorMessage message={errorMessage(receive.error)} />}
        </form>
      </Panel>
      {done && (
        <p role="status" className="col-span-full rounded-lg bg-emerald-50 px-4 py-3 text-emerald-900" data-testid="stock-saved">
          {t("saved", { sku: done.sku, onHand: done.onHand, available: done.available })}
        </p>
      )}
    </div>
  );
}
