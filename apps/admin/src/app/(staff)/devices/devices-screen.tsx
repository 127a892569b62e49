"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { ListState, TableHead } from "@/components/list-state";
import { PageHeader, Panel, tableClass } from "@/components/page-header";
import { canManageStock, useStaff } from "@/components/staff-context";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useNow, useTranslations } from "next-intl";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** Kiosks of the chosen store: pair a new one with a one-time code, see when each was last seen, revoke. */
export function DevicesScreen() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("devices");
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const staff = useStaff();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.devices.list.queryOptions({ storeId: staff.storeId }), refetchInterval: 30_000 });
  const pairing = useMutation(trpc.devices.createPairingCode.mutationOptions());
  const revoke = useMutation(
    trpc.devices.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.devices.list.queryKey() }),
    }),
  );
  const manager = canManageStock(staff);
  const storeName = staff.stores.find((s) => s.id === staff.storeId)?.name ?? staff.storeId;
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { store: storeName })} />
      <div className="grid grid-cols-[minmax(0,8fr)_minmax(0,4fr)] items-start gap-5 max-xl:grid-cols-1">
        <Panel>
          {revoke.isError && <ErrorMessage message={errorMessage(revoke.error)} />}
          <ListState query={list} empty={t("none")}>
            {(rows) => (
              <table className={tableClass}>
                <TableHead columns={[t("name"), t("paired"), t("lastSeen"), t("status"), ""]} />
                <tbody className="divide-y divide-slate-100">
                  {rows.map((d) => (
                    <tr
                      key={d.id}
                      data-testid="device-row"
                      data-device-id={d.id}
                      data-revoked={d.revokedAt ? "true" : "false"}
                    >
                      <td className="font-medium">{d.name}</td>
                      <td className="text-slate-600">
                        {format.dateTime(new Date(d.createdAt), { dateStyle: "short", timeStyle: "short" })}
                      </td>
                      <td className="text-slate-600">
                        {d.lastSeenAt ? format.relativeTime(new Date(d.lastSeenAt), now) : t("never")}
                      </td>
                      <td>
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${d.revokedAt ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-800"}`}
                        >
                          {d.revokedAt ? t("revoked") : t("active")}
                        </span>
                      </td>
                      <td className="text-right">
                        {manager && !d.revokedAt && (
                          <ConfirmButton
                            question={t("confirmRevoke", { name: d.name })}
                            onConfirm={() => revoke.mutate({ deviceId: d.id })}
                            busy={revoke.isPending && revoke.variables?.deviceId === d.id}
                            testId="revoke-device"
                          >
                            {t("revoke")}
                          </ConfirmButton>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </ListState>
        </Panel>
        <Panel title={t("pairTitle")}>
          {manager ? (
            <>
              <p className="mb-3 text-sm text-slate-600">{t("pairHelp")}</p>
              <Button
                onClick={() => pairing.mutate({ storeId: staff.storeId })}
                busy={pairing.isPending}
                data-testid="create-pairing-code"
              >
                {t("createCode")}
              </Button>
              {pairing.isError && (
                <div className="mt-3">
                  <ErrorMessage message={errorMessage(pairing.error)} />
                </div>
              )}
              {pairing.data && (
                <div className="mt-4 rounded-lg bg-slate-900 p-4 text-center text-white">
                  <p className="font-mono text-4xl font-bold tracking-[0.2em]" data-testid="pairing-code">
                    {pairing.data.code}
                  </p>
                  <p className="mt-2 text-sm text-slate-300">
                    {t("expires", { at: format.dateTime(new Date(pairing.data.expiresAt), { timeStyle: "short" }) })}
                  </p>
                </div>
              )}
            </>
          ) : (
            <p className="text-sm text-slate-600">{t("managersOnly")}</p>
          )}
        </Panel>
      </div>
    </>
  );
}
