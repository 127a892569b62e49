"use client";

import { signInAction, type SignInState } from "@/lib/actions";
import { useTranslations } from "next-intl";
import { useActionState } from "react";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("signIn");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { failures: 0 });
  const input =
    "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-slate-900 focus:outline-none";
  return (
    <form action={action} className="flex flex-col gap-4" data-testid="sign-in-form">
      <input type="hidden" name="next" value={next} />
      <label className="text-sm font-medium">
        {t("email")}
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          className={input}
          data-testid="sign-in-email"
        />
      </label>
      <label className="text-sm font-medium">
        {t("password")}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className={input}
          data-testid="sign-in-password"
        />
      </label>
      {state.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="sign-in-error">
          {t(`error.${state.error}`)}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-slate-900 px-4 py-2.5 font-semibold text-white disabled:opacity-60"
        data-testid="sign-in-submit"
      >
        {pending ? t("signingIn") : t("submit")}
      </button>
    </form>
  );
}
