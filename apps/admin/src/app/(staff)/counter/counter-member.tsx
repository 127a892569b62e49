"use client";

import { CodeLookup } from "@/components/code-lookup";
import { Panel } from "@/components/page-header";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { tierLabel } from "@omni/ui/loyalty";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

export type CounterMember = { email: string; name: string; points: number; tier: string; pointValueMinor: number };

/** Names the member of a counter sale: their card's QR scanned, or their e-mail typed. */
export function CounterMemberPanel({
  member,
  onMember,
}: {
  member: CounterMember | null;
  onMember: (member: CounterMember | null) => void;
}) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("counter");
  const locale = useLocale();
  const trpc = useTRPC();
  const [typed, setTyped] = useState("");
  const client = useQueryClient();
  const lookup = useMutation({
    mutationFn: (value: string) =>
      client.fetchQuery({
        ...trpc.loyalty.lookup.queryOptions(value.includes("@") ? { email: value } : { card: value }),
        staleTime: 0,
      }),
    onSuccess: (found) => onMember(found),
  });
  return (
    <Panel title={t("member")} testId="counter-member">
      {member ? (
        <div className="flex items-center justify-between gap-3" data-testid="counter-member-found">
          <div>
            <p className="text-lg font-semibold">{member.name || member.email}</p>
            <p className="text-sm text-slate-600">{member.email}</p>
            <p className="mt-1">
              <strong data-testid="counter-member-points">{member.points}</strong> {t("pointsWord")} ·{" "}
              {tierLabel(member.tier, locale)}
            </p>
          </div>
          <Button variant="secondary" size="lg" onClick={() => onMember(null)} data-testid="counter-member-clear">
            {t("memberClear")}
          </Button>
        </div>
      ) : (
        <>
          <p className="mb-2 text-sm text-slate-600">{t("memberHint")}</p>
          <CodeLookup
            value={typed}
            onChange={setTyped}
            onFind={(value) => lookup.mutate(value)}
            label={t("memberLabel")}
            buttonLabel={t("memberFind")}
            busy={lookup.isPending}
            testIds={{ input: "counter-member-input", submit: "counter-member-find", scan: "counter-member-scan" }}
          />
          {lookup.error && <ErrorMessage message={errorMessage(lookup.error)} locale={locale} />}
        </>
      )}
    </Panel>
  );
}
