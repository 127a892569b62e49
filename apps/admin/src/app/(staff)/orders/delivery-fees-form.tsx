"use client";

import { inputClass, labelClass, Panel } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useStaff } from "@/components/staff-context";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { minorToDecimal } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

type Fees = { courierMinor: number; lockerMinor: number; freeFromMinor: number };
const fields = ["courierMinor", "lockerMinor", "freeFromMinor"] as const;

/** Złote as typed ("14,99" or "14.99") to grosze; anything else is not an amount. */
function toMinor(text: string): number | null {
  const clean = text.trim().replace(",", ".");
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(clean)) return null;
  return Math.round(Number(clean) * 100);
}

/** Admin only: courier and locker prices and the value of goods from which delivery is free. */
export function DeliveryFeesForm() {
  const trpc = useTRPC();
  const { role } = useStaff();
  const fees = useQuery({ ...trpc.shipping.fees.queryOptions(), enabled: role === "admin" });
  if (role !== "admin") return null;
  return (
    <div className="mt-8">
      {fees.isPending || fees.isError ? (
        <QueryState query={fees} />
      ) : (
        <FeesForm fees={fees.data} key={JSON.stringify(fees.data)} />
      )}
    </div>
  );
}

function FeesForm({ fees }: { fees: Fees }) {
  const t = useTranslations("deliveryFees");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState(
    () =>
      Object.fromEntries(fields.map((f) => [f, minorToDecimal(fees[f])])) as Record<(typeof fields)[number], string>,
  );
  const [confirming, setConfirming] = useState(false);
  const save = useMutation(
    trpc.shipping.updateFees.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        void queryClient.invalidateQueries({ queryKey: trpc.shipping.fees.queryKey() });
      },
    }),
  );
  const parsed = Object.fromEntries(fields.map((f) => [f, toMinor(typed[f])])) as Record<
    (typeof fields)[number],
    number | null
  >;
  const valid = fields.every((f) => parsed[f] !== null);
  return (
    <Panel title={t("title")} testId="delivery-fees">
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      <form
        className="grid grid-cols-3 items-end gap-3 max-lg:grid-cols-1"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) setConfirming(true);
        }}
      >
        {fields.map((field) => (
          <label key={field} className={labelClass}>
            {t(field)}
            <input
              className={inputClass}
              inputMode="decimal"
              value={typed[field]}
              onChange={(e) => setTyped({ ...typed, [field]: e.target.value })}
              aria-invalid={parsed[field] === null}
              data-testid={`fee-${field}`}
            />
          </label>
        ))}
        {!valid && <p className="col-span-full text-sm text-red-800">{t("invalid")}</p>}
        {confirming ? (
          <div className="col-span-full flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3">
            <span className="text-amber-900">{t("confirm")}</span>
            <Button
              busy={save.isPending}
              onClick={() =>
                save.mutate({
                  courierMinor: parsed.courierMinor!,
                  lockerMinor: parsed.lockerMinor!,
                  freeFromMinor: parsed.freeFromMinor!,
                })
              }
              data-testid="fees-confirm"
            >
              {t("save")}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t("keep")}
            </Button>
          </div>
        ) : (
          <div>
            <Button type="submit" disabled={!valid} data-testid="fees-save">
              {t("save")}
            </Button>
          </div>
        )}
      </form>
      {save.isSuccess && <p className="mt-2 text-sm text-emerald-800">{t("saved")}</p>}
      {save.error && <ErrorMessage message={errorMessage(save.error)} />}
    </Panel>
  );
}
