"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { ErrorMessage } from "@omni/ui/error-message";
import { errorMessage } from "@omni/ui/trpc";
import { useContract } from "@/lib/contract";
import { pairWithDeviceToken } from "@/server/actions";
import { TouchForm } from "./touch-form";

/**
 * First start: the kiosk is not paired to a store yet. A manager enters the pairing code from the
 * back office; for development a device token (such as `dev-kiosk-krakow`) pairs it directly.
 */
export function PairScreen() {
  const t = useTranslations("pair");
  const locale = useLocale();
  const contract = useContract();
  const [mode, setMode] = useState<"code" | "token">("code");
  const [values, setValues] = useState<Record<string, string>>({});
  const [tokenError, setTokenError] = useState<string | null>(null);
  const [tokenBusy, setTokenBusy] = useState(false);
  const paired = () => window.location.assign("/");

  const pair = useMutation({ mutationFn: (code: string) => contract.devices.pair.mutate({ code }), onSuccess: paired });

  const submitToken = async () => {
    setTokenBusy(true);
    setTokenError(null);
    const outcome = await pairWithDeviceToken(values.token ?? "");
    setTokenBusy(false);
    if (outcome.ok) paired();
    else setTokenError(t("tokenInvalid"));
  };

  return (
    <main data-testid="pair-screen" className="mx-auto flex min-h-screen w-full max-w-4xl flex-col gap-8 px-12 py-16">
      <h1 className="text-7xl font-bold">{t("title")}</h1>
      <p className="text-3xl text-slate-700">{mode === "code" ? t("codeHelp") : t("tokenHelp")}</p>
      {mode === "code" ? (
        <TouchForm
          key="code"
          fields={[{ name: "code", label: t("code"), kind: "code", testId: "pair-code", maxLength: 64 }]}
          values={values}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
          onSubmit={() => pair.mutate((values.code ?? "").trim())}
          submitLabel={t("pair")}
          submitTestId="pair-submit"
          busy={pair.isPending}
        >
          {pair.error && <ErrorMessage locale={locale} message={errorMessage(pair.error)} />}
        </TouchForm>
      ) : (
        <TouchForm
          key="token"
          fields={[{ name: "token", label: t("token"), testId: "dev-token", maxLength: 200 }]}
          values={values}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
          onSubmit={() => void submitToken()}
          submitLabel={t("pair")}
          submitTestId="dev-token-submit"
          busy={tokenBusy}
        >
          {tokenError && <ErrorMessage locale={locale} message={tokenError} />}
        </TouchForm>
      )}
      <button
        type="button"
        data-testid={mode === "code" ? "use-dev-token" : "use-pair-code"}
        onClick={() => setMode(mode === "code" ? "token" : "code")}
        className="min-h-16 self-start rounded-xl px-6 text-2xl text-slate-600 underline"
      >
        {mode === "code" ? t("useToken") : t("useCode")}
      </button>
    </main>
  );
}
