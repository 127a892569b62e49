"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/**
 * The page a "confirm your address" link opens. Confirming takes a click, not just the visit, so a
 * mail scanner that opens links does not use the token up.
 */
export function VerifyEmailButton({ token }: { token: string }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("recovery");
  const locale = useLocale();
  const trpc = useTRPC();
  const verify = useMutation(trpc.account.verifyEmail.mutationOptions());
  if (verify.isSuccess)
    return (
      <div role="status" className="space-y-2 rounded-lg bg-emerald-50 px-4 py-3 text-emerald-900" data-testid="done">
        <p>{t("verified", { email: verify.data.email })}</p>
        <Link href="/account" className="font-semibold underline">
          {t("toAccount")}
        </Link>
      </div>
    );
  return (
    <div className="space-y-3">
      {verify.isError && <ErrorMessage message={errorMessage(verify.error)} locale={locale} />}
      <Button onClick={() => verify.mutate({ token })} busy={verify.isPending} data-testid="verify-submit">
        {t("confirm")}
      </Button>
    </div>
  );
}

/** The page a double opt-in link opens: confirming takes a click too, for the same reason. */
export function ConfirmNewsletterButton({ token }: { token: string }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("recovery");
  const locale = useLocale();
  const trpc = useTRPC();
  const confirm = useMutation(trpc.consent.confirm.mutationOptions());
  if (confirm.isSuccess)
    return (
      <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-emerald-900" data-testid="done">
        {t("newsletterConfirmed", { email: confirm.data.email })}
      </p>
    );
  return (
    <div className="space-y-3">
      {confirm.isError && <ErrorMessage message={errorMessage(confirm.error)} locale={locale} />}
      <Button onClick={() => confirm.mutate({ token })} busy={confirm.isPending} data-testid="newsletter-confirm">
        {t("newsletterConfirm")}
      </Button>
    </div>
  );
}

/** The page a marketing e-mail's "unsubscribe" link opens: one press withdraws, and a second changes nothing. */
export function UnsubscribeButton({ email, token }: { email: string; token: string }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("recovery");
  const locale = useLocale();
  const trpc = useTRPC();
  const unsubscribe = useMutation(trpc.consent.unsubscribe.mutationOptions());
  if (unsubscribe.isSuccess)
    return (
      <p role="status" className="rounded-lg bg-emerald-50 px-4 py-3 text-emerald-900" data-testid="done">
        {t("unsubscribed", { email: unsubscribe.data.email })}
      </p>
    );
  return (
    <div className="space-y-3">
      {unsubscribe.isError && <ErrorMessage message={errorMessage(unsubscribe.error)} locale={locale} />}
      <Button
        onClick={() => unsubscribe.mutate({ email, token })}
        busy={unsubscribe.isPending}
        data-testid="unsubscribe-submit"
      >
        {t("unsubscribeConfirm")}
      </Button>
    </div>
  );
}

/** On the account page while the address is not confirmed: what it is for, and the link again. */
export function VerifyEmailBanner() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("recovery");
  const locale = useLocale();
  const trpc = useTRPC();
  const resend = useMutation(trpc.account.requestEmailVerification.mutationOptions());
  return (
    <section className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4" data-testid="verify-banner">
      <p className="text-amber-950">{t("unverified")}</p>
      {resend.isSuccess ? (
        <p role="status" className="font-semibold text-amber-950">
          {t("linkSent")}
        </p>
      ) : (
        <Button
          variant="secondary"
          onClick={() => resend.mutate({ locale: locale === "pl" ? "pl" : "en" })}
          busy={resend.isPending}
          data-testid="verify-resend"
        >
          {t("resend")}
        </Button>
      )}
      {resend.isError && <ErrorMessage message={errorMessage(resend.error)} locale={locale} />}
    </section>
  );
}
