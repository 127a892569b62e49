"use client";

import { signInAction, signUpAction, type AuthFormState } from "@/app/actions/auth";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useActionState } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";

import { TextField } from "./text-field";

/** The sign-in and sign-up forms: a server action signs in with next-auth's credentials provider. */
export function AuthForm({ mode, next }: { mode: "sign-in" | "sign-up"; next: string }) {
  const t = useTranslations("auth");
  const locale = useLocale();
  const [state, action, pending] = useActionState<AuthFormState, FormData>(
    mode === "sign-in" ? signInAction : signUpAction,
    {},
  );
  const message = state.error ?? (state.errorKey ? t(state.errorKey) : null);
  return (
    <form action={action} className="space-y-3" data-testid={`${mode}-form`}>
      <input type="hidden" name="next" value={next} />
      {mode === "sign-up" && (
        <TextField
          id="auth-name"
          name="name"
          label={t("name")}
          defaultValue={state.name}
          required
          autoComplete="name"
          data-testid="auth-name"
        />
      )}
      <TextField
        id="auth-email"
        name="email"
        type="email"
        label={t("email")}
        defaultValue={state.email}
        required
        autoComplete="email"
        data-testid="auth-email"
      />
      <TextField
        id="auth-password"
        name="password"
        type="password"
        label={t("password")}
        required
        minLength={mode === "sign-up" ? 8 : undefined}
        autoComplete={mode === "sign-up" ? "new-password" : "current-password"}
        hint={mode === "sign-up" ? t("passwordHint") : undefined}
        data-testid="auth-password"
      />
      {message && <ErrorMessage message={message} locale={locale} />}
      <Button type="submit" busy={pending} className="w-full" data-testid="auth-submit">
        {mode === "sign-in" ? t("signIn") : t("signUp")}
      </Button>
      {mode === "sign-in" && (
        <p className="text-center text-sm">
          <Link href="/forgot-password" className="font-semibold text-sky-800 underline" data-testid="forgot-link">
            {t("forgot")}
          </Link>
        </p>
      )}
      <p className="text-center text-sm">
        {mode === "sign-in" ? (
          <Link href={`/sign-up?next=${encodeURIComponent(next)}`} className="font-semibold text-sky-800 underline">
            {t("noAccount")}
          </Link>
        ) : (
          <Link href={`/sign-in?next=${encodeURIComponent(next)}`} className="font-semibold text-sky-800 underline">
            {t("haveAccount")}
          </Link>
        )}
      </p>
    </form>
  );
}
