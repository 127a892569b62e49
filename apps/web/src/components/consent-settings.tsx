"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { ErrorMessage } from "@omni/ui/error-message";
import { formatDateTime } from "@omni/ui/labels";
import { Spinner } from "@omni/ui/spinner";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { SmsConsentCode, SmsConsentPhone } from "./sms-consent-code";

/**
 * Marketing consent per channel (prior consent, as Polish law asks). Service messages about orders and
 * reservations come whatever is chosen here. Each change is kept with its time and the app it was made in.
 * Ticking SMS asks for the number and texts it a code; the grant counts once the code is typed (double opt-in).
 */
export function ConsentSettings() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("engagement");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const consents = useQuery(trpc.consent.get.queryOptions());
  const [askPhone, setAskPhone] = useState(false);
  const set = useMutation(
    trpc.consent.set.mutationOptions({
      onSuccess: (answer) => queryClient.setQueryData(trpc.consent.get.queryKey(), answer),
    }),
  );
  return (
    <section
      data-testid="consents"
      aria-labelledby="consents-heading"
      className="rounded-xl border border-slate-200 p-4"
    >
      <h2 id="consents-heading" className="text-lg font-bold">
        {t("consentsTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("consentsHint")}</p>
      {consents.isPending && <Spinner locale={locale} />}
      {consents.error && <ErrorMessage message={errorMessage(consents.error)} locale={locale} />}
      <ul className="mt-2 space-y-2">
        {consents.data?.map((c) => (
          <li key={c.channel} className="flex items-start gap-3">
            <input
              id={`consent-${c.channel}`}
              type="checkbox"
              data-testid={`consent-${c.channel}`}
              // An e-mail "yes" waiting for its link stays unticked; an SMS one stays ticked beside its code field.
              checked={c.granted || (c.channel === "sms" && (c.awaitingConfirmation || askPhone))}
              disabled={set.isPending}
              onChange={(e) => {
                const granted = e.target.checked;
                if (c.channel === "sms") setAskPhone(granted && !c.granted);
                // An SMS "yes" needs the number first; a "no" (also to a grant waiting for its code) counts at once.
                if (c.channel === "email" || !granted) set.mutate({ channel: c.channel, granted });
              }}
              // Kept at its size when the words beside it wrap to a second line.
              className="mt-1 size-5 shrink-0"
            />
            <div className="min-w-0 flex-1">
              <label htmlFor={`consent-${c.channel}`}>
                <span className="font-medium">{c.channel === "email" ? t("consentEmail") : t("consentSms")}</span>
                {c.at && (
                  <span className="block text-sm text-slate-600">
                    {t(c.granted ? "consentGiven" : "consentWithdrawn", {
                      when: formatDateTime(c.at, locale),
                      source: c.source ?? "",
                    })}
                  </span>
                )}
                {c.channel === "email" && c.awaitingConfirmation && (
                  <span className="block text-sm font-medium text-amber-900" data-testid="consent-awaiting">
                    {t("consentAwaiting")}
                  </span>
                )}
              </label>
              {c.channel === "sms" && c.awaitingConfirmation && c.awaitingPhone && (
                <SmsConsentCode phone={c.awaitingPhone} attemptsLeft={c.codeAttemptsLeft} />
              )}
              {c.channel === "sms" && askPhone && !c.awaitingConfirmation && !c.granted && (
                <SmsConsentPhone onSent={() => setAskPhone(false)} />
              )}
            </div>
          </li>
        ))}
      </ul>
      {set.error && <ErrorMessage message={errorMessage(set.error)} locale={locale} />}
    </section>
  );
}
