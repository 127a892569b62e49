"use client";

import { inputClass, labelClass, PageHeader, Panel, tableClass } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { formatMoney } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ChannelLabel } from "@omni/ui/channel";
import { ErrorMessage } from "@omni/ui/error-message";
import { LoyaltyCard, LoyaltyHistory } from "@omni/ui/loyalty";
import { Spinner } from "@omni/ui/spinner";
import { StatusBadge } from "@omni/ui/status-badge";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** A member's points ledger with the orders behind it; managers correct a balance with a reason. */
export function MembersScreen() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("members");
  const locale = useLocale();
  const trpc = useTRPC();
  const client = useQueryClient();
  const { role } = useStaff();
  const [typed, setTyped] = useState("");
  const [email, setEmail] = useState<string | null>(null);
  const ledger = useQuery({ ...trpc.loyalty.member.queryOptions({ email: email ?? "" }), enabled: !!email });
  const [points, setPoints] = useState("");
  const [reason, setReason] = useState("");
  const adjust = useMutation(
    trpc.loyalty.adjust.mutationOptions({
      onSuccess: () => {
        setPoints("");
        setReason("");
        void client.invalidateQueries({ queryKey: trpc.loyalty.member.queryKey() });
      },
    }),
  );
  const find = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim()) setEmail(typed.trim().toLowerCase());
  };
  const change = Number.parseInt(points, 10);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Panel>
        <form onSubmit={find} className="flex flex-wrap gap-2">
          <input
            className={`${inputClass} max-w-md`}
            type="email"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            placeholder={t("emailPlaceholder")}
            aria-label={t("emailPlaceholder")}
            data-testid="member-email"
          />
          <Button type="submit" data-testid="member-find">
            {t("find")}
          </Button>
        </form>
      </Panel>
      {email && (
        <div className="mt-5 grid grid-cols-[minmax(0,7fr)_minmax(0,5fr)] items-start gap-5 max-lg:grid-cols-1">
          {ledger.isPending ? (
            <Spinner locale={locale} />
          ) : ledger.error ? (
            <ErrorMessage message={errorMessage(ledger.error)} locale={locale} />
          ) : (
            <>
              <div className="space-y-5">
                <Panel title={`${ledger.data.name || ledger.data.email} · ${ledger.data.email}`} testId="member-ledger">
                  <LoyaltyHistory events={ledger.data.events} locale={locale} />
                </Panel>
              </div>
              <div className="space-y-5">
                <LoyaltyCard summary={ledger.data} locale={locale} showCard={false} />
                <Panel title={t("orders")}>
                  {ledger.data.orders.length === 0 ? (
                    <p className="text-sm text-slate-600">{t("noOrders")}</p>
                  ) : (
                    <table className={tableClass}>
                      <tbody>
                        {ledger.data.orders.map((o) => (
                          <tr key={o.number} data-testid="member-order">
                            <td className="font-mono">{o.number}</td>
                            <td>
                              <ChannelLabel channel={o.channel} locale={locale} />
                            </td>
                            <td>
                              <StatusBadge status={o.status} locale={locale} />
                            </td>
                            <td className="text-right">{formatMoney(o.totalMinor, "PLN", locale)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  )}
                </Panel>
                {(role === "manager" || role === "admin") && (
                  <Panel title={t("adjust")} testId="member-adjust">
                    <form
                      className="grid gap-2"
                      onSubmit={(e) => {
                        e.preventDefault();
                        adjust.mutate({ email, points: change, reason: reason.trim() });
                      }}
                    >
                      <label className={labelClass}>
                        {t("adjustPoints")}
                        <input
                          className={inputClass}
                          inputMode="numeric"
                          value={points}
                          onChange={(e) => setPoints(e.target.value)}
                          data-testid="member-adjust-points"
                        />
                      </label>
                      <label className={labelClass}>
                        {t("adjustReason")}
                        <input
                          className={inputClass}
                          value={reason}
                          maxLength={500}
                          onChange={(e) => setReason(e.target.value)}
                          data-testid="member-adjust-reason"
                        />
                      </label>
                      <Button
                        type="submit"
                        busy={adjust.isPending}
                        disabled={!Number.isInteger(change) || change === 0 || !reason.trim()}
                      >
                        {t("adjustSave")}
                      </Button>
                      {adjust.error && <ErrorMessage message={errorMessage(adjust.error)} locale={locale} />}
                    </form>
                  </Panel>
                )}
              </div>
            </>
          )}
        </div>
      )}
    </>
  );
}
