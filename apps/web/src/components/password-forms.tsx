"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState, type FormEvent } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { TextField } from "./text-field";

function field(event: FormEvent<HTMLFormElement>, name: string): string {
  const value = new FormData(event.currentTarget).get(name);
  return typeof value === "string" ? value : "";
}

function Done({ text, link }: { text: string; link?: { href: string; label: string } }) {
  return (
    <div role="status" className="space-y-2 rounded-lg bg-emerald-50 px-4 py-3 text-emerald-900" data-testid="done">
      <p>{text}</p>
      {link && (
        <Link href={link.href} className="font-semibold underline">
          {link.label}
        </Link>
      )}
    </div>
  );
}

/** "Forgot your password?": always the same answer, whether or not the address has an account. */
export function ForgotPasswordForm() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("recovery");
  const locale = useLocale();
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  if (request.isSuccess) return <Done text={t("resetSent")} />;
  return (
    <form
      className="space-y-3"
      data-testid="forgot-form"
      onSubmit={(event) => {
        event.preventDefault();
        request.mutate({ email: field(event, "email").trim(), locale: locale === "pl" ? "pl" : "en" });
      }}
    >
      <TextField id="forgot-email" name="email" type="email" label={t("email")} required autoComplete="email" />
      {request.isError && <ErrorMessage message={errorMessage(request.error)} locale={locale} />}
      <Button type="submit" busy={request.isPending} className="w-full" data-testid="forgot-submit">
        {t("sendLink")}
      </Button>
    </form>
  );
}

/** The page an e-mailed link opens: a new password, set once with the link's token. */
export function ResetPasswordForm({ token }: { token: string }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("recovery");
  const locale = useLocale();
  const trpc = useTRPC();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  if (reset.isSuccess) return <Done text={t("passwordSet")} link={{ href: "/sign-in", label: t("signIn") }} />;
  return (
    <form
      className="space-y-3"
      data-testid="reset-form"
      onSubmit={(event) => {
        event.preventDefault();
        reset.mutate({ token, password: field(event, "password") });
      }}
    >
      <TextField
        id="reset-password"
        name="password"
        type="password"
        label={t("newPassword")}
        hint={t("passwordHint")}
        required
        minLength={8}
        autoComplete="new-password"
      />
      {reset.isError && (
        <>
          <ErrorMessage message={errorMessage(reset.error)} locale={locale} />
          <Link href="/forgot-password" className="font-semibold text-sky-800 underline">
            {t("askAgain")}
          </Link>
        </>
      )}
      <Button type="submit" busy={reset.isPending} className="w-full" data-testid="reset-submit">
        {t("setPassword")}
      </Button>
    </form>
  );
}

/** On the account page: a new password needs the current one, and signs out every device. */
export function ChangePasswordForm() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("recovery");
  const locale = useLocale();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const change = useMutation(trpc.account.changePassword.mutationOptions());
  if (change.isSuccess)
    return <Done text={t("changed")} link={{ href: "/sign-in?next=/account", label: t("signIn") }} />;
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="change-password">
        {t("changeTitle")}
      </Button>
    );
  return (
    <form
      className="space-y-3"
      data-testid="change-form"
      onSubmit={(event) => {
        event.preventDefault();
        change.mutate({
          currentPassword: field(event, "currentPassword"),
          newPassword: field(event, "newPassword"),
        });
      }}
    >
      <TextField
        id="change-current"
        name="currentPassword"
        type="password"
        label={t("currentPassword")}
        required
        autoComplete="current-password"
      />
      <TextField
        id="change-new"
        name="newPassword"
        type="password"
        label={t("newPassword")}
        hint={t("changeHint")}
        required
        minLength={8}
        autoComplete="new-password"
      />
      {change.isError && <ErrorMessage message={errorMessage(change.error)} locale={locale} />}
      <Button type="submit" busy={change.isPending} data-testid="change-submit">
        {t("setPassword")}
      </Button>
    </form>
  );
}
