"use client";

import { ListState, TableHead } from "@/components/list-state";
import { inputClass, PageHeader, Panel, tableClass } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { messageTemplates, type MessageTemplate } from "@/lib/message-templates";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { Fragment, useState, type FormEvent } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** What the platform sent to shoppers, newest first: to answer "did I get the e-mail?" at the counter. */
export function NotificationsScreen() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("notifications");
  const format = useFormatter();
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const [email, setEmail] = useState<string | undefined>();
  const [channel, setChannel] = useState<"email" | "sms" | undefined>();
  const [template, setTemplate] = useState<MessageTemplate | undefined>();
  const [open, setOpen] = useState<number | string | null>(null);
  const [deadOnly, setDeadOnly] = useState(false);
  const { role } = useStaff();
  const queryClient = useQueryClient();
  const list = useQuery({
    ...trpc.notifications.list.queryOptions({ email, channel, template, limit: 100, dead: deadOnly || undefined }),
    refetchInterval: 15_000,
  });
  const retry = useMutation(
    trpc.notifications.retry.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.queryKey() }),
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setEmail(typed.trim() || undefined);
  };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Panel className="mb-5">
        <form onSubmit={submit} className="flex max-w-4xl flex-wrap items-center gap-2">
          <input
            type="email"
            className={inputClass}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={t("email")}
            aria-label={t("email")}
            data-testid="notifications-email"
          />
          <select
            className={inputClass}
            value={channel ?? ""}
            onChange={(e) =>
              setChannel(e.target.value === "email" || e.target.value === "sms" ? e.target.value : undefined)
            }
            aria-label={t("channel")}
            data-testid="notifications-channel"
          >
            <option value="">{t("allChannels")}</option>
            <option value="email">{t("channelEmail")}</option>
            <option value="sms">{t("channelSms")}</option>
          </select>
          <select
            className={inputClass}
            value={template ?? ""}
            onChange={(e) => setTemplate(messageTemplates.find((k) => k === e.target.value))}
            aria-label={t("kind")}
            data-testid="notifications-template"
          >
            <option value="">{t("allTemplates")}</option>
            {messageTemplates.map((k) => (
              <option key={k} value={k}>
                {t(`templateNames.${k}`)}
              </option>
            ))}
          </select>
          <Button type="submit" data-testid="notifications-filter">
            {t("filter")}
          </Button>
          <label className="flex items-center gap-2 whitespace-nowrap text-sm">
            <input
              type="checkbox"
              checked={deadOnly}
              onChange={(e) => setDeadOnly(e.target.checked)}
              data-testid="notifications-dead-only"
            />
            {t("deadOnly")}
          </label>
        </form>
        {retry.isError && <ErrorMessage message={errorMessage(retry.error)} />}
      </Panel>
      <Panel>
        <ListState query={list} empty={t("none")}>
          {(rows) => (
            <table className={tableClass}>
              <TableHead columns={[t("when"), t("to"), t("subject"), t("kind"), t("status")]} />
              <tbody className="divide-y divide-slate-100">
                {rows.map((n) => (
                  <Fragment key={n.id}>
                    <tr
                      data-testid="notification-row"
                      data-template={n.template}
                      className="cursor-pointer hover:bg-slate-50"
                      onClick={() => setOpen(open === n.id ? null : n.id)}
                    >
                      <td className="whitespace-nowrap text-slate-600">
                        {format.dateTime(new Date(n.sentAt ?? n.createdAt), { dateStyle: "short", timeStyle: "short" })}
                      </td>
                      <td>
                        {n.to}
                        <span className="ml-1 text-xs uppercase text-slate-500">{n.channel}</span>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="text-left underline-offset-2 hover:underline"
                          aria-expanded={open === n.id}
                        >
                          {n.subject}
                        </button>
                      </td>
                      <td className="text-xs text-slate-600">
                        {messageTemplates.some((k) => k === n.template) ? t(`templateNames.${n.template}`) : n.template}
                      </td>
                      <td>
                        <span
                          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${n.sentAt ? "bg-emerald-50 text-emerald-800" : n.lastError ? "bg-red-50 text-red-800" : "bg-slate-100 text-slate-700"}`}
                        >
                          {n.sentAt ? t("sent") : n.deadAt ? t("dead") : n.lastError ? t("failed") : t("queued")}
                        </span>
                        {n.deadAt && role === "admin" && (
                          <Button
                            variant="secondary"
                            className="ml-2"
                            busy={retry.isPending && retry.variables?.id === n.id}
                            onClick={(e) => {
                              e.stopPropagation();
                              retry.mutate({ id: n.id });
                            }}
                            data-testid="notification-retry"
                          >
                            {t("retry")}
                          </Button>
                        )}
                      </td>
                    </tr>
                    {open === n.id && (
                      <tr>
                        <td colSpan={5} className="bg-slate-50">
                          <p className="whitespace-pre-wrap text-sm">{n.body}</p>
                          {n.lastError && (
                            <p className="mt-1 text-xs text-red-700">
                              {t("tries", { count: n.attempts })}: {n.lastError}
                              {n.nextAttemptAt &&
                                ` · ${t("nextTry", { when: format.dateTime(new Date(n.nextAttemptAt), { timeStyle: "short" }) })}`}
                            </p>
                          )}
                        </td>
                      </tr>
                    )}
                  </Fragment>
                ))}
              </tbody>
            </table>
          )}
        </ListState>
      </Panel>
    </>
  );
}
