"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { formatDateTime } from "@omni/ui/labels";
import { QrCode } from "@omni/ui/qr-code";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** A one-time QR to scan at an in-store kiosk, which then shows this account's cart and orders. */
export function KioskSignIn() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("account");
  const locale = useLocale();
  const trpc = useTRPC();
  const token = useMutation(trpc.account.kioskSignInToken.mutationOptions());
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 p-4">
      <h2 className="text-lg font-semibold">{t("kioskTitle")}</h2>
      <p className="text-sm text-slate-700">{t("kioskText")}</p>
      {token.data ? (
        <div data-testid="kiosk-token" data-token={token.data.token} className="flex flex-col items-center gap-2">
          <QrCode value={token.data.token} size={200} label={t("kioskQr")} />
          <p className="text-sm text-slate-600">
            {t("kioskValid", { when: formatDateTime(token.data.expiresAt, locale) })}
          </p>
          <Button variant="secondary" onClick={() => token.mutate()} busy={token.isPending}>
            {t("kioskNew")}
          </Button>
        </div>
      ) : (
        <Button data-testid="kiosk-token-button" onClick={() => token.mutate()} busy={token.isPending}>
          {t("kioskButton")}
        </Button>
      )}
      {token.error && <ErrorMessage message={errorMessage(token.error)} locale={locale} />}
    </section>
  );
}
