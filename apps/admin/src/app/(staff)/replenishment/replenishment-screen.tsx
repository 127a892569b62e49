"use client";

import { ListState, TableHead } from "@/components/list-state";
import { inputClass, labelClass, PageHeader, Panel, tableClass } from "@/components/page-header";
import { canManageStock, useStaff } from "@/components/staff-context";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Button } from "@omni/ui/button";
import { EmptyState } from "@omni/ui/empty-state";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/**
 * SKUs of this store below their reorder point with a suggested quantity; a selection becomes one
 * transfer from the warehouse. Minimums are set in bulk per category (or for listed SKUs).
 */
export function ReplenishmentScreen() {
  const t = useTranslations("replenishment");
  const staff = useStaff();
  const storeName = staff.stores.find((s) => s.id === staff.storeId)?.name ?? staff.storeId;
  if (!canManageStock(staff)) {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState title={t("managersOnly")} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { store: storeName })} />
      <div className="grid grid-cols-[minmax(0,1fr)_20rem] items-start gap-5 max-lg:grid-cols-1">
        <Suggestions key={staff.storeId} />
        <ReorderPointForm />
      </div>
    </>
  );
}

function Suggestions() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("replenishment");
  const { storeId } = useStaff();
  const trpc = useTRPC();
  const router = useRouter();
  const list = useQuery(trpc.replenishment.list.queryOptions({ storeId }));
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const create = useMutation(
    trpc.replenishment.create.mutationOptions({
      onSuccess: (created) => router.push(`/transfers/${encodeURIComponent(created.transferNumber)}`),
    }),
  );
  const selected = Object.entries(chosen).filter(([, q]) => q > 0);
  return (
    <Panel title={t("belowTitle")} testId="replenishment-suggestions">
      <ListState query={list} empty={t("empty")}>
        {(rows) => (
          <>
            <div className="overflow-x-auto">
              <table className={tableClass}>
                <TableHead
                  columns={[
                    "",
                    t("sku"),
                    t("product"),
                    { label: t("min"), align: "right" },
                    { label: t("onHand"), align: "right" },
                    { label: t("incoming"), align: "right" },
                    { label: t("warehouse"), align: "right" },
                    { label: t("suggested"), align: "right" },
                  ]}
                />
                <tbody className="divide-y divide-slate-100">
                  {rows.map((r) => (
                    <tr key={r.sku} data-testid="replenishment-row" data-sku={r.sku}>
                      <td>
                        <input
                          type="checkbox"
                          className="h-5 w-5"
                          aria-label={t("choose", { sku: r.sku })}
                          disabled={r.suggested === 0}
                          checked={(chosen[r.sku] ?? 0) > 0}
                          onChange={(e) => setChosen((c) => ({ ...c, [r.sku]: e.target.checked ? r.suggested : 0 }))}
                          data-testid="replenishment-choose"
                        />
                      </td>
                      <td className="whitespace-nowrap font-mono">{r.sku}</td>
                      <td className="min-w-48">{r.title}</td>
                      <td className="text-right">{r.minQuantity}</td>
                      <td className="text-right">{r.onHand}</td>
                      <td className="text-right">{r.incoming}</td>
                      <td className="text-right">{r.warehouseAvailable}</td>
                      <td className="text-right">
                        <input
                          type="number"
                          min={0}
                          max={r.warehouseAvailable}
                          className={`${inputClass} w-24 text-right`}
                          aria-label={t("quantityOf", { sku: r.sku })}
                          value={chosen[r.sku] ?? r.suggested}
                          onChange={(e) => setChosen((c) => ({ ...c, [r.sku]: Number(e.target.value) }))}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="mt-4 flex items-center gap-3">
              <Button
                disabled={selected.length === 0}
                busy={create.isPending}
                onClick={() =>
                  create.mutate({ storeId, lines: selected.map(([sku, quantity]) => ({ sku, quantity })) })
                }
                data-testid="replenish"
              >
                {t("createTransfer", { count: selected.length })}
              </Button>
              <Button
                variant="ghost"
                onClick={() => setChosen(Object.fromEntries(rows.map((r) => [r.sku, r.suggested])))}
              >
                {t("chooseAll")}
              </Button>
            </div>
            {create.isError && <ErrorMessage message={errorMessage(create.error)} />}
          </>
        )}
      </ListState>
    </Panel>
  );
}

function ReorderPointForm() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("replenishment");
  const { storeId } = useStaff();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const locale = useLocale();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const [category, setCategory] = useState("");
  const [skus, setSkus] = useState("");
  const [min, setMin] = useState("2");
  const save = useMutation(
    trpc.replenishment.setReorderPoints.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.replenishment.list.queryKey() }),
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const list = skus
      .split(/[\s,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    save.mutate({
      storeId,
      minQuantity: Number(min),
      category: category || undefined,
      skus: category ? undefined : list,
    });
  };
  return (
    <Panel title={t("setTitle")} testId="reorder-point-form">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <label className={labelClass}>
          {t("category")}
          <select
            className={inputClass}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            data-testid="reorder-category"
          >
            <option value="">{t("bySkus")}</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.slug} value={c.slug}>
                {locale === "en" ? c.name : c.namePl}
              </option>
            ))}
          </select>
        </label>
        {!category && (
          <label className={labelClass}>
            {t("skus")}
            <textarea
              className={`${inputClass} font-mono`}
              rows={3}
              required
              value={skus}
              onChange={(e) => setSkus(e.target.value)}
              placeholder={t("skusPlaceholder")}
            />
          </label>
        )}
        <label className={labelClass}>
          {t("min")}
          <input
            className={inputClass}
            type="number"
            min={0}
            max={100000}
            required
            value={min}
            onChange={(e) => setMin(e.target.value)}
            data-testid="reorder-min"
          />
        </label>
        <Button type="submit" busy={save.isPending} data-testid="save-reorder-points">
          {t("save")}
        </Button>
        {save.isSuccess && (
          <p role="status" className="text-sm text-emerald-800">
            {t("saved", { count: save.data.updated })}
          </p>
        )}
        {save.isError && <ErrorMessage message={errorMessage(save.error)} />}
      </form>
    </Panel>
  );
}
