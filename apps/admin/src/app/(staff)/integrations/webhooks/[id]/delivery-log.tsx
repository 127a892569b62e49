"use client";

import { ListState, TableHead } from "@/components/list-state";
import { PageHeader, Panel, tableClass } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** The delivery log of one webhook: every event sent, its attempts and last answer, and "send again". */
export function DeliveryLog({ id }: { id: string }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("integrations");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const hook = useQuery({ ...trpc.webhooks.get.queryOptions({ id, limit: 100 }), refetchInterval: 10_000 });
  const again = useMutation(
    trpc.webhooks.redeliver.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.get.queryKey() }),
    }),
  );
  const statusWord = { pending: t("statusPending"), succeeded: t("statusSucceeded"), failed: t("statusFailed") };
  if (!hook.data) return <QueryState query={hook} back={{ href: "/integrations", label: t("back") }} />;
  return (
    <>
      <PageHeader
        title={t("deliveriesTitle", { url: hook.data.url })}
        description={hook.data.events.join(", ")}
        actions={
          <Link href="/integrations" className="text-sm text-sky-700 underline">
            {t("back")}
          </Link>
        }
      />
      <Panel>
        {again.isError && <ErrorMessage message={errorMessage(again.error)} />}
        <ListState query={{ ...hook, data: hook.data.deliveries }} empty={t("deliveriesNone")}>
          {(rows) => (
            <table className={tableClass}>
              <TableHead
                columns={[t("event"), t("messageId"), t("status"), t("attempts"), t("lastAttempt"), t("result"), ""]}
              />
              <tbody className="divide-y divide-slate-100">
                {rows.map((delivery) => (
                  <tr key={delivery.id} data-testid="delivery-row" data-status={delivery.status}>
                    <td className="font-mono text-xs">{delivery.eventType}</td>
                    <td className="font-mono text-xs text-slate-500">{delivery.messageId}</td>
                    <td>{statusWord[delivery.status]}</td>
                    <td>{delivery.attempts}</td>
                    <td className="text-slate-600">
                      {delivery.lastAttemptAt
                        ? format.dateTime(new Date(delivery.lastAttemptAt), { dateStyle: "short", timeStyle: "medium" })
                        : "—"}
                    </td>
                    <td className="max-w-xs text-xs text-slate-600">
                      {delivery.lastStatusCode ?? ""} {delivery.lastError ?? ""}
                    </td>
                    <td className="text-right">
                      {delivery.status === "pending" && delivery.attempts === 0 ? (
                        <span className="text-xs text-slate-500">{t("queued")}</span>
                      ) : (
                        <Button
                          variant="secondary"
                          busy={again.isPending && again.variables?.deliveryId === delivery.id}
                          onClick={() => again.mutate({ deliveryId: delivery.id })}
                          data-testid="send-again"
                        >
                          {t("sendAgain")}
                        </Button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </ListState>
      </Panel>
    </>
  );
}
