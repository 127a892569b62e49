"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { ListState, TableHead } from "@/components/list-state";
import { PageHeader, Panel, tableClass } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";

import { formatMoney } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { PromotionForm } from "./promotion-form";

/** Promotions take effect at once in the shop, the kiosk and every cart: prices come from one function. */
export function PromotionsScreen() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("promotions");
  const locale = useLocale();
  const format = useFormatter();
  const { role } = useStaff();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.promotions.list.queryOptions());
  const categories = useQuery(trpc.catalog.categories.queryOptions({ locale: locale === "pl" ? "pl" : "en" }));
  const categoryName = (slug: string) => categories.data?.find((c) => c.slug === slug)?.label ?? slug;
  const setActive = useMutation(
    trpc.promotions.setActive.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.promotions.list.queryKey() }),
    }),
  );
  const now = Date.now();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid grid-cols-[minmax(0,8fr)_minmax(0,4fr)] items-start gap-5 max-xl:grid-cols-1">
        <Panel>
          {setActive.isError && <ErrorMessage message={errorMessage(setActive.error)} />}
          <ListState query={list} empty={t("none")}>
            {(rows) => (
              <table className={tableClass}>
                <TableHead columns={[t("name"), t("discount"), t("appliesTo"), t("period"), t("status"), ""]} />
                <tbody className="divide-y divide-slate-100">
                  {rows.map((p) => {
                    const state = !p.active
                      ? "inactive"
                      : p.running
                        ? "running"
                        : new Date(p.startsAt).getTime() > now
                          ? "scheduled"
                          : "ended";
                    return (
                      <tr key={p.id} data-testid="promotion-row" data-state={state}>
                        <td className="font-medium">
                          {p.name}
                          {p.code && (
                            <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs">{p.code}</span>
                          )}
                        </td>
                        <td className="whitespace-nowrap">
                          {p.kind === "percent" ? `−${p.value}%` : `−${formatMoney(p.value, "PLN", locale)}`}
                        </td>
                        <td className="text-slate-600">
                          {p.categorySlug
                            ? t("categoryTarget", { category: categoryName(p.categorySlug) })
                            : p.productId
                              ? t("productTarget")
                              : t("everything")}
                        </td>
                        <td className="whitespace-nowrap text-slate-600">
                          {format.dateTime(new Date(p.startsAt), { dateStyle: "short", timeStyle: "short" })} –{" "}
                          {format.dateTime(new Date(p.endsAt), { dateStyle: "short", timeStyle: "short" })}
                        </td>
                        <td>
                          <span
                            className={`rounded-full px-2 py-0.5 text-xs font-semibold ${state === "running" ? "bg-emerald-50 text-emerald-800" : state === "scheduled" ? "bg-sky-50 text-sky-800" : "bg-slate-200 text-slate-600"}`}
                          >
                            {t(`state.${state}`)}
                          </span>
                        </td>
                        <td className="text-right">
                          {role === "admin" &&
                            (p.active ? (
                              <ConfirmButton
                                question={t("confirmDeactivate")}
                                onConfirm={() => setActive.mutate({ promotionId: p.id, active: false })}
                                testId="deactivate-promotion"
                              >
                                {t("deactivate")}
                              </ConfirmButton>
                            ) : (
                              <Button
                                variant="secondary"
                                onClick={() => setActive.mutate({ promotionId: p.id, active: true })}
                              >
                                {t("reactivate")}
                              </Button>
                            ))}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </ListState>
        </Panel>
        {role === "admin" ? <PromotionForm /> : <p className="text-sm text-slate-500">{t("adminsOnly")}</p>}
      </div>
    </>
  );
}
