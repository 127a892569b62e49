"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { inputClass, labelClass, Panel } from "@/components/page-header";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** Raises or lowers every price of a category by a percentage; the audit log keeps each price before and after. */
export function BulkPricePanel() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("products");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.catalog.categories.queryOptions({ locale: locale === "pl" ? "pl" : "en" }));
  const [category, setCategory] = useState("");
  const [percent, setPercent] = useState("");
  const [reason, setReason] = useState("");
  const change = useMutation(
    trpc.products.bulkPrice.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.products.list.queryKey() }),
    }),
  );
  const value = Number(percent.replace(",", "."));
  const ready = category && percent.trim() && Number.isFinite(value) && value !== 0 && reason.trim();
  return (
    <Panel title={t("bulkPrice")} testId="bulk-price">
      <div className="grid grid-cols-3 gap-3">
        <label className={labelClass}>
          {t("category")}
          <select className={inputClass} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">—</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className={labelClass}>
          {t("percent")}
          <input
            className={inputClass}
            inputMode="decimal"
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
            placeholder="-10"
          />
        </label>
        <label className={labelClass}>
          {t("reason")}
          <input className={inputClass} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </label>
      </div>
      <div className="mt-3">
        {ready ? (
          <ConfirmButton
            variant="primary"
            question={t("bulkQuestion", { percent: value })}
            busy={change.isPending}
            onConfirm={() =>
              change.mutate({
                categorySlug: category,
                change: { kind: "percent", percent: value },
                reason: reason.trim(),
              })
            }
          >
            {t("apply")}
          </ConfirmButton>
        ) : (
          <p className="text-sm text-slate-500">{t("bulkHint")}</p>
        )}
      </div>
      {change.isSuccess && (
        <p role="status" className="mt-2 text-sm text-emerald-700">
          {t("bulkDone", { count: change.data.changed })}
        </p>
      )}
      {change.isError && <ErrorMessage message={errorMessage(change.error)} />}
    </Panel>
  );
}
