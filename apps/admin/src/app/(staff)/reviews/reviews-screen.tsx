"use client";

import { ConfirmButton } from "@/components/confirm-button";
import { ListState, TableHead } from "@/components/list-state";
import { inputClass, PageHeader, Panel, tableClass } from "@/components/page-header";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@omni/ui/button";
import { channelLabel } from "@omni/ui/channel";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

type Status = "published" | "hidden";

/** Moderation of verified buyers' reviews: publish, hide (asks first) or answer in the shop's name. */
export function ReviewsScreen() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("reviews");
  const format = useFormatter();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status | undefined>();
  const [replying, setReplying] = useState<string | null>(null);
  const [reply, setReply] = useState("");
  const list = useQuery(trpc.reviews.queue.queryOptions({ status, limit: 200 }));
  const moderate = useMutation(
    trpc.reviews.moderate.mutationOptions({
      onSuccess: () => {
        setReplying(null);
        return queryClient.invalidateQueries({ queryKey: trpc.reviews.queue.queryKey() });
      },
    }),
  );
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <select
            className={inputClass}
            value={status ?? ""}
            onChange={(e) =>
              setStatus(e.target.value === "published" || e.target.value === "hidden" ? e.target.value : undefined)
            }
            aria-label={t("status")}
            data-testid="reviews-status"
          >
            <option value="">{t("all")}</option>
            <option value="published">{t("published")}</option>
            <option value="hidden">{t("hidden")}</option>
          </select>
        }
      />
      {moderate.error && <ErrorMessage message={errorMessage(moderate.error)} locale={locale} />}
      <Panel>
        <ListState query={list} empty={t("none")}>
          {(rows) => (
            <table className={tableClass}>
              <TableHead columns={[t("when"), t("product"), t("rating"), t("text"), t("status"), t("actions")]} />
              <tbody className="divide-y divide-slate-100">
                {rows.map((r) => (
                  <tr key={r.id} data-testid="review-row" data-status={r.status} className="align-top">
                    <td className="whitespace-nowrap text-slate-600">
                      {format.dateTime(new Date(r.at), { dateStyle: "short", timeStyle: "short" })}
                      <span className="block text-xs">{channelLabel(r.channel, locale)}</span>
                    </td>
                    <td>
                      {r.productTitle}
                      <span className="block font-mono text-xs text-slate-500">{r.orderNumber}</span>
                    </td>
                    <td className="whitespace-nowrap text-amber-600" aria-label={t("stars", { count: r.rating })}>
                      {"★".repeat(r.rating)}
                    </td>
                    <td className="max-w-md">
                      <p className="whitespace-pre-line">{r.text ?? "—"}</p>
                      <p className="text-xs text-slate-500">{r.author}</p>
                      {r.reply && (
                        <p className="mt-1 rounded bg-slate-50 p-1 text-xs" data-testid="review-reply">
                          {t("replied")}: {r.reply}
                        </p>
                      )}
                      {replying === r.id && (
                        <form
                          className="mt-2 flex gap-2"
                          onSubmit={(e) => {
                            e.preventDefault();
                            moderate.mutate({ id: r.id, reply });
                          }}
                        >
                          <input
                            className={inputClass}
                            value={reply}
                            maxLength={2000}
                            onChange={(e) => setReply(e.target.value)}
                            aria-label={t("reply")}
                            data-testid="reply-text"
                          />
                          <Button type="submit" busy={moderate.isPending} data-testid="reply-save">
                            {t("save")}
                          </Button>
                        </form>
                      )}
                    </td>
                    <td>
                      <span
                        className={`rounded-full px-2 py-0.5 text-xs font-semibold ${r.status === "published" ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-700"}`}
                      >
                        {t(r.status)}
                      </span>
                    </td>
                    <td className="space-y-1">
                      {r.status === "published" ? (
                        <ConfirmButton
                          question={t("hideQuestion")}
                          onConfirm={() => moderate.mutate({ id: r.id, status: "hidden" })}
                          testId="hide-review"
                        >
                          {t("hide")}
                        </ConfirmButton>
                      ) : (
                        <Button
                          variant="secondary"
                          data-testid="publish-review"
                          onClick={() => moderate.mutate({ id: r.id, status: "published" })}
                        >
                          {t("publish")}
                        </Button>
                      )}
                      <Button
                        variant="ghost"
                        data-testid="reply-review"
                        onClick={() => {
                          setReplying(replying === r.id ? null : r.id);
                          setReply(r.reply ?? "");
                        }}
                      >
                        {t("reply")}
                      </Button>
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
