"use client";

import { Panel, tableClass } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useStaff } from "@/components/staff-context";
import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";

import { EmptyState } from "@omni/ui/empty-state";
import { useTRPC } from "@omni/ui/trpc";

/** The ledger of one SKU in the chosen store: who, when, why, and on hand before → after. */
export function MovementHistory({ sku }: { sku: string }) {
  const t = useTranslations("stock");
  const format = useFormatter();
  const { storeId } = useStaff();
  const trpc = useTRPC();
  const movements = useQuery(trpc.inventory.movements.queryOptions({ storeId, sku, limit: 50 }));
  return (
    <Panel title={t("movements")} testId="movement-history">
      {movements.isPending || movements.isError ? (
        <QueryState query={movements} />
      ) : movements.data.length === 0 ? (
        <EmptyState title={t("noMovements")} />
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead className="border-b border-slate-200">
              <tr>
                <th>{t("when")}</th>
                <th>{t("who")}</th>
                <th>{t("why")}</th>
                <th className="text-right">{t("onHand")}</th>
                <th className="text-right">{t("held")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {movements.data.map((m) => (
                <tr key={m.id} data-testid="movement-row" data-reason={m.reason} data-on-hand-after={m.onHandAfter}>
                  <td className="whitespace-nowrap text-slate-600">
                    {format.dateTime(new Date(m.at), { dateStyle: "short", timeStyle: "medium" })}
                  </td>
                  <td>{m.actorEmail ?? (m.actorDeviceId ? t("kiosk") : t("system"))}</td>
                  <td>
                    <span className="font-medium">
                      {t.has(`reasons.${m.reason}`) ? t(`reasons.${m.reason}`) : m.reason}
                    </span>
                    {m.note && <span className="block text-slate-500">{m.note}</span>}
                    {m.refId && <span className="block font-mono text-xs text-slate-400">{m.refId}</span>}
                  </td>
                  <td className="whitespace-nowrap text-right font-mono">
                    {m.onHandBefore} → <strong>{m.onHandAfter}</strong>
                  </td>
                  <td className="whitespace-nowrap text-right font-mono text-slate-500">
                    {m.heldBefore} → {m.heldAfter}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Panel>
  );
}
