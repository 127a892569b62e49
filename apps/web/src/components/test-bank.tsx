"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { formatMoney } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

export function TestBank(props: { session: string; amountMinor: number; currency: string; returnTo: string }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("testBank");
  const locale = useLocale();
  const trpc = useTRPC();
  const pay = useMutation(trpc.checkout.testBankPay.mutationOptions());
  const answer = (paid: boolean) =>
    pay.mutate({ session: props.session, pay: paid }, { onSuccess: () => window.location.assign(props.returnTo) });
  return (
    <div className="mx-auto max-w-md space-y-4 rounded-xl border border-slate-200 p-6">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("note")}</p>
      <p className="text-xl font-semibold" data-testid="bank-amount">
        {formatMoney(props.amountMinor, props.currency, locale)}
      </p>
      {pay.error && <ErrorMessage message={errorMessage(pay.error)} locale={locale} />}
      <div className="flex gap-3">
        <Button data-testid="bank-pay" busy={pay.isPending} onClick={() => answer(true)}>
          {t("pay")}
        </Button>
        <Button variant="secondary" data-testid="bank-cancel" disabled={pay.isPending} onClick={() => answer(false)}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
