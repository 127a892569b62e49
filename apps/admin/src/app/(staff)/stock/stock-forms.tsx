"use client";

import { inputClass, labelClass, Panel } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { INPUT_LIMITS } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

type Saved = { sku: string; onHand: number; available: number };

/** Cycle count (the shelf holds N) and goods received (N more arrived), each with a reason. */
export function StockForms({ sku }: { sku: string }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("stock");
  const { storeId } = useStaff();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<Saved | null>(null);
  const refresh = (result: Saved) => {
    setSaved(result);
    void queryClient.invalidateQueries({ queryKey: trpc.inventory.availability.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.inventory.movements.queryKey() });
  };
  const count = useMutation(trpc.inventory.setOnHand.mutationOptions({ onSuccess: refresh }));
  // One key per delivery: a retry after a lost answer adds the goods once; the next delivery gets a new key.
  const [receiveKey, setReceiveKey] = useState(() => crypto.randomUUID());
  const receive = useMutation(
    trpc.inventory.receive.mutationOptions({
      onSuccess: (result) => {
        setReceiveKey(crypto.randomUUID());
        refresh(result);
      },
    }),
  );
  const safety = useMutation(trpc.inventory.setSafetyStock.mutationOptions({ onSuccess: refresh }));
  return (
    <div className="grid grid-cols-2 gap-5 max-xl:grid-cols-1">
      <QuantityReasonForm
        title={t("cycleCount")}
        quantityLabel={t("countedOnHand")}
        min={0}
        max={1_000_000}
        reasonPlaceholder={t("countReasonPlaceholder")}
        submitLabel={t("saveCount")}
        testId="cycle-count"
        mutation={count}
        onSubmit={(n, reason, done) => count.mutate({ storeId, sku, onHand: n, reason }, { onSuccess: done })}
      />
      <QuantityReasonForm
        title={t("receiving")}
        quantityLabel={t("receivedQuantity")}
        min={1}
        max={100_000}
        reasonPlaceholder={t("receiveReasonPlaceholder")}
        submitLabel={t("saveReceive")}
        testId="receive"
        submitTestId="receive-stock-submit"
        mutation={receive}
        onSubmit={(n, reason, done) =>
          receive.mutate({ storeId, sku, quantity: n, reason, idempotencyKey: receiveKey }, { onSuccess: done })
        }
      />
      <SafetyStockForm
        pending={safety.isPending}
        error={safety.isError ? errorMessage(safety.error) : null}
        onSubmit={(n, done) => safety.mutate({ storeId, sku, safetyStock: n }, { onSuccess: done })}
      />
      {saved && (
        <p
          role="status"
          className="col-span-full rounded-lg bg-emerald-50 px-4 py-3 text-emerald-900"
          data-testid="stock-saved"
        >
          {t("saved", { sku: saved.sku, onHand: saved.onHand, available: saved.available })}
        </p>
      )}
    </div>
  );
}

/** A number of units and why: the shape of every stock change a manager makes by hand. */
function QuantityReasonForm(props: {
  title: string;
  quantityLabel: string;
  min: number;
  max: number;
  reasonPlaceholder: string;
  submitLabel: string;
  testId: string;
  submitTestId?: string;
  mutation: { isPending: boolean; isError: boolean; error: unknown };
  onSubmit: (quantity: number, reason: string, done: () => void) => void;
}) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("stock");
  const [quantity, setQuantity] = useState("");
  const [reason, setReason] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    props.onSubmit(Number(quantity), reason, () => {
      setQuantity("");
      setReason("");
    });
  };
  const id = props.testId;
  return (
    <Panel title={props.title}>
      <form onSubmit={submit} className="flex flex-col gap-3" data-testid={`${id}-form`}>
        <label className={labelClass}>
          {props.quantityLabel}
          <input
            className={inputClass}
            type="number"
            min={props.min}
            max={props.max}
            required
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
            data-testid={id === "cycle-count" ? "cycle-count-onhand" : `${id}-quantity`}
          />
        </label>
        <label className={labelClass}>
          {t("reason")}
          <input
            className={inputClass}
            required
            maxLength={INPUT_LIMITS.reason}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={props.reasonPlaceholder}
            data-testid={`${id}-reason`}
          />
        </label>
        <Button type="submit" busy={props.mutation.isPending} data-testid={props.submitTestId ?? `${id}-submit`}>
          {props.submitLabel}
        </Button>
        {props.mutation.isError && <ErrorMessage message={errorMessage(props.mutation.error)} />}
      </form>
    </Panel>
  );
}

/** Units kept back from shoppers here (display pieces, a damage margin): they stop counting as available. */
function SafetyStockForm(props: {
  pending: boolean;
  error: string | null;
  onSubmit: (safetyStock: number, done: () => void) => void;
}) {
  const t = useTranslations("stock");
  const [value, setValue] = useState("");
  return (
    <Panel title={t("safetyStock")}>
      <form
        className="flex flex-wrap items-end gap-3"
        data-testid="safety-stock-form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit(Number(value), () => setValue(""));
        }}
      >
        <label className={`${labelClass} flex-1`}>
          {t("safetyStockUnits")}
          <input
            className={inputClass}
            type="number"
            min={0}
            max={100000}
            required
            inputMode="numeric"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            data-testid="safety-stock"
          />
        </label>
        <Button type="submit" busy={props.pending} data-testid="safety-stock-submit">
          {t("saveSafetyStock")}
        </Button>
        {props.error && <ErrorMessage message={props.error} />}
      </form>
      <p className="mt-2 text-sm text-slate-600">{t("safetyStockHint")}</p>
    </Panel>
  );
}
