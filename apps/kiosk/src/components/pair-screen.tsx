"use client";

import { pairWithCode, pairWithDeviceToken } from "@/server/actions";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { INPUT_LIMITS } from "@omni/core";

import { KioskError } from "./kiosk-error";
import { TouchForm } from "./touch-form";

/**
 * First start: the kiosk is not paired to a store yet. A manager enters the pairing code from the
 * back office. In the demo only, a development device token (such as `dev-kiosk-krakow`) pairs it
 * directly; a real deployment has no such tokens and shows no such form.
 */
export function PairScreen({ allowDeviceToken }: { allowDeviceToken: boolean }) {
  const t = useTranslations("pair");
  const [mode, setMode] = useState<"code" | "token">("code");
  const [values, setValues] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    const outcome = await (
      mode === "code" ? pairWithCode(values.code ?? "") : pairWithDeviceToken(values.token ?? "")
    ).catch((error: unknown) => {
      console.error("kiosk: pairing request failed", error);
      return { ok: false as const, error: "failed" as const };
    });
    setBusy(false);
    // A full load on purpose: the root layout decides again, now with the pairing cookie.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (outcome.ok) window.location.assign("/");
    else if (mode === "token") setError(outcome.error === "failed" ? t("failed") : t("tokenInvalid"));
    else
      setError(
        outcome.error === "not_found"
          ? t("codeNotFound")
          : outcome.error === "too_many"
            ? t("tooMany")
            : outcome.error === "invalid"
              ? t("codeInvalid")
              : t("failed"),
      );
  };

  return (
    <main data-testid="pair-screen" className="mx-auto flex min-h-screen w-full max-w-4xl flex-col gap-8 px-12 py-16">
      <h1 className="text-7xl font-bold">{t("title")}</h1>
      <p className="text-3xl text-slate-700">{mode === "code" ? t("codeHelp") : t("tokenHelp")}</p>
      {mode === "code" ? (
        <TouchForm
          key="code"
          fields={[{ name: "code", label: t("code"), kind: "code", testId: "pair-code", maxLength: INPUT_LIMITS.code }]}
          values={values}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
          onSubmit={() => void submit()}
          submitLabel={t("pair")}
          submitTestId="pair-submit"
          busy={busy}
        >
          {error && <KioskError message={error} />}
        </TouchForm>
      ) : (
        <TouchForm
          key="token"
          fields={[{ name: "token", label: t("token"), testId: "dev-token", maxLength: 200 }]}
          values={values}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
          onSubmit={() => void submit()}
          submitLabel={t("pair")}
          submitTestId="dev-token-submit"
          busy={busy}
        >
          {error && <KioskError message={error} />}
        </TouchForm>
      )}
      {allowDeviceToken && (
        <button
          type="button"
          data-testid={mode === "code" ? "use-dev-token" : "use-pair-code"}
          onClick={() => {
            setMode(mode === "code" ? "token" : "code");
            setError(null);
          }}
          className="min-h-16 self-start rounded-xl px-6 text-2xl text-slate-600 underline"
        >
          {mode === "code" ? t("useToken") : t("useCode")}
        </button>
      )}
    </main>
  );
}
