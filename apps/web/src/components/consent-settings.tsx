"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { ErrorMessage } from "@omni/ui/error-message";
import { formatDateTime } from "@omni/ui/labels";
import { Spinner } from "@omni/ui/spinner";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/**
 * Marketing consent per channel (prior consent, as Polish law asks). Service messages about orders and
 * reservations come whatever is chosen here. Each change is kept with its time and the app it was made in.
 */
export function ConsentSettings() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("engagement");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const consents = useQuery(trpc.consent.get.queryOptions());
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
              checked={c.granted}
              disabled={set.isPending}
              onChange={(e) => set.mutate({ channel: c.channel, granted: e.target.checked })}
              // Kept at its size when the words beside it wrap to a second line.
              className="mt-1 size-5 shrink-0"
            />
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
              {c.awaitingConfirmation && (
                <span className="block text-sm font-medium text-amber-900" data-testid="consent-awaiting">
                  {t("consentAwaiting")}
                </span>
              )}
            </label>
          </li>
        ))}
      </ul>
      {set.error && <ErrorMessage message={errorMessage(set.error)} locale={locale} />}
    </section>
  );
}
