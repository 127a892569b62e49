"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { TextField } from "./text-field";

/**
 * The number SMS offers should go to: nothing counts yet, the number's owner gets a code to type (double
 * opt-in), so nobody can subscribe someone else's phone.
 */
export function SmsConsentPhone({ onSent }: { onSent: () => void }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("engagement");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [phone, setPhone] = useState("");
  const set = useMutation(
    trpc.consent.set.mutationOptions({
      onSuccess: (answer) => {
        queryClient.setQueryData(trpc.consent.get.queryKey(), answer);
        onSent();
      },
    }),
  );
  return (
    <form
      className="mt-2 space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        set.mutate({ channel: "sms", granted: true, phone });
      }}
    >
      <TextField
        id="consent-sms-phone"
        data-testid="consent-sms-phone"
        label={t("smsPhone")}
        hint={t("smsPhoneHint")}
        type="tel"
        autoComplete="tel"
        value={phone}
        onChange={(e) => setPhone(e.target.value)}
      />
      {set.error && <ErrorMessage message={errorMessage(set.error)} locale={locale} />}
      <Button type="submit" busy={set.isPending} data-testid="consent-sms-send">
        {t("smsSendCode")}
      </Button>
    </form>
  );
}

/** A grant waiting for its code: where the code went, a field to type it, and a new code on request. */
export function SmsConsentCode({ phone, attemptsLeft }: { phone: string; attemptsLeft: number | null }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("engagement");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  // Each answer is the consents as they are after it: the list shows them without another request.
  const confirm = useMutation(
    trpc.consent.confirmSms.mutationOptions({
      onSuccess: (answer) => queryClient.setQueryData(trpc.consent.get.queryKey(), answer),
      // A wrong code used a try: the hint's count of those left comes from the server again.
      onError: () => queryClient.invalidateQueries({ queryKey: trpc.consent.get.queryKey() }),
    }),
  );
  const resend = useMutation(
    trpc.consent.resendSmsCode.mutationOptions({
      onSuccess: (answer) => {
        queryClient.setQueryData(trpc.consent.get.queryKey(), answer);
        confirm.reset();
        setCode("");
      },
    }),
  );
  return (
    <div className="mt-2 space-y-2">
      <p className="text-sm font-medium text-amber-900" data-testid="consent-sms-awaiting">
        {t("smsAwaiting", { phone })}
      </p>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          resend.reset();
          confirm.mutate({ code });
        }}
      >
        <TextField
          id="consent-sms-code"
          data-testid="consent-sms-code"
          label={t("smsCode")}
          hint={attemptsLeft === null ? undefined : t("smsCodeHint", { attemptsLeft })}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        {confirm.error && <ErrorMessage message={errorMessage(confirm.error)} locale={locale} />}
        {resend.error && <ErrorMessage message={errorMessage(resend.error)} locale={locale} />}
        {resend.isSuccess && (
          <p role="status" className="text-sm text-slate-700" data-testid="consent-sms-resent">
            {t("smsResent", { phone })}
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={confirm.isPending} disabled={!code.trim()} data-testid="consent-sms-confirm">
            {t("smsConfirm")}
          </Button>
          <Button
            variant="secondary"
            busy={resend.isPending}
            onClick={() => {
              confirm.reset();
              resend.mutate();
            }}
            data-testid="consent-sms-resend"
          >
            {t("smsResend")}
          </Button>
        </div>
      </form>
    </div>
  );
}
