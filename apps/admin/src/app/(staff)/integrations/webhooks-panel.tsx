"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { ListState, TableHead } from "@/components/list-state";
import { inputClass, labelClass, Panel, tableClass } from "@/components/page-header";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { SecretOnce } from "./secret-once";

const events = [
  "order.placed",
  "order.ready_for_pickup",
  "order.collected",
  "return.received",
  "stock.changed",
  "transfer.received",
] as const;
type Event = (typeof events)[number];

export function WebhooksPanel() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("integrations");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.webhooks.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const create = useMutation(trpc.webhooks.create.mutationOptions({ onSuccess: refresh }));
  const toggle = useMutation(trpc.webhooks.setEnabled.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.webhooks.delete.mutationOptions({ onSuccess: refresh }));
  const [url, setUrl] = useState("");
  const [chosen, setChosen] = useState<Event[]>(["order.placed"]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ url, events: chosen });
  };

  return (
    <Panel title={t("hooksTitle")} testId="webhooks">
      <div className="grid grid-cols-[minmax(0,8fr)_minmax(0,4fr)] items-start gap-5 max-xl:grid-cols-1">
        <div>
          {(toggle.isError || remove.isError) && <ErrorMessage message={errorMessage(toggle.error ?? remove.error)} />}
          <ListState query={list} empty={t("hooksNone")}>
            {(rows) => (
              <table className={tableClass}>
                <TableHead columns={[t("url"), t("events"), t("status"), ""]} />
                <tbody className="divide-y divide-slate-100">
                  {rows.map((hook) => (
                    <tr key={hook.id} data-testid="webhook-row">
                      <td className="max-w-xs">
                        <div className="font-mono text-xs break-all">{hook.url}</div>
                        <Link
                          href={`/integrations/webhooks/${hook.id}`}
                          className="text-sm text-sky-700 underline"
                          data-testid="webhook-log-link"
                        >
                          {t("log")}
                        </Link>
                      </td>
                      <td className="text-xs text-slate-600">{hook.events.join(", ")}</td>
                      <td>
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${hook.enabled ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-800"}`}
                        >
                          {hook.enabled ? t("enabled") : t("disabled")}
                        </span>
                        {hook.failingSince && (
                          <div className="mt-1 text-xs text-amber-700">
                            {t("failingSince", {
                              at: format.dateTime(new Date(hook.failingSince), {
                                dateStyle: "short",
                                timeStyle: "short",
                              }),
                            })}
                          </div>
                        )}
                        {!hook.enabled && hook.disabledReason && (
                          <div className="mt-1 max-w-48 text-xs text-slate-500">
                            {t("disabledBecause", { reason: hook.disabledReason })}
                          </div>
                        )}
                      </td>
                      <td className="text-right whitespace-nowrap">
                        <div className="flex justify-end gap-2">
                          <Button
                            variant="secondary"
                            busy={toggle.isPending && toggle.variables?.id === hook.id}
                            onClick={() => toggle.mutate({ id: hook.id, enabled: !hook.enabled })}
                          >
                            {hook.enabled ? t("turnOff") : t("turnOn")}
                          </Button>
                          <ConfirmButton
                            question={t("confirmDelete", { url: hook.url })}
                            onConfirm={() => remove.mutate({ id: hook.id })}
                            busy={remove.isPending && remove.variables?.id === hook.id}
                            testId="delete-webhook"
                          >
                            {t("delete")}
                          </ConfirmButton>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </ListState>
        </div>
        <form onSubmit={submit} className="flex flex-col gap-3 rounded-lg bg-slate-50 p-4">
          <h3 className="font-semibold">{t("newHook")}</h3>
          <label className={labelClass}>
            {t("url")}
            <input
              className={inputClass}
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              required
              placeholder="https://example.com/webhooks/omni"
              data-testid="webhook-url"
            />
          </label>
          <fieldset className="flex flex-col gap-1 text-sm">
            <legend className="mb-1 font-medium text-slate-700">{t("events")}</legend>
            {events.map((event) => (
              <label key={event} className="flex items-center gap-2 font-mono text-xs">
                <input
                  type="checkbox"
                  checked={chosen.includes(event)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, event] : chosen.filter((x) => x !== event))}
                />
                <code>{event}</code>
              </label>
            ))}
          </fieldset>
          <Button type="submit" busy={create.isPending} data-testid="create-webhook">
            {t("create")}
          </Button>
          {create.isError && <ErrorMessage message={errorMessage(create.error)} />}
          {create.data && <SecretOnce note={t("secretOnce")} value={create.data.secret} testId="webhook-secret" />}
        </form>
      </div>
    </Panel>
  );
}
