"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** Cancels an active reservation after a confirmation tap; the page then shows it cancelled. */
export function CancelReservation({ code, email }: { code: string; email: string }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("reservation");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const cancel = useMutation(trpc.reservations.cancel.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="space-y-2">
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={t("confirmCancel")}>
          <span className="font-medium">{t("confirmCancel")}</span>
          <Button
            variant="danger"
            data-testid="reservation-cancel-confirm"
            busy={cancel.isPending}
            onClick={() => cancel.mutate({ code, email })}
          >
            {t("yesCancel")}
          </Button>
          <Button variant="secondary" onClick={() => setConfirming(false)}>
            {t("keep")}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" data-testid="reservation-cancel" onClick={() => setConfirming(true)}>
          {t("cancel")}
        </Button>
      )}
      {cancel.error && <ErrorMessage message={errorMessage(cancel.error)} locale={locale} />}
    </div>
  );
}
