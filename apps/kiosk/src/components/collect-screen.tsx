"use client";

import { useContract } from "@/lib/contract";
import { useFriendlyError } from "@/lib/friendly-error";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";

import { fromScan } from "@omni/core";

import { CodeEntry } from "./code-entry";
import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { DoneLink, Screen } from "./screen";

/** "I'm here to collect": the shopper checks in with their pickup code and learns where to wait. */
export function CollectScreen() {
  const t = useTranslations("collect");
  const contract = useContract();
  const friendly = useFriendlyError();
  const { kiosk } = useKiosk();
  const checkIn = useMutation({ mutationFn: (code: string) => contract.pickup.checkIn.mutate({ code }) });

  if (checkIn.data) {
    const done = checkIn.data;
    return (
      <Screen title={t("thanks")} testId="checkin-confirmation">
        <div className="rounded-3xl bg-emerald-50 p-10 ring-2 ring-emerald-300">
          {done.orderNumber && (
            <p className="text-3xl text-emerald-900">
              {t("order")} <strong data-testid="checkin-order-number">{done.orderNumber}</strong>
            </p>
          )}
          <p className="mt-6 text-3xl text-slate-700">{t("waitAt")}</p>
          <p data-testid="checkin-pickup-point" className="mt-2 text-5xl font-bold leading-tight">
            {done.pickupPoint ?? kiosk.pickupPoint ?? kiosk.storeName}
          </p>
          <p className="mt-6 text-2xl text-slate-600">{done.storeName ?? kiosk.storeName}</p>
          <p className="mt-8 text-3xl">{t("staffComing")}</p>
        </div>
        <DoneLink label={t("done")} />
      </Screen>
    );
  }
  return (
    <Screen title={t("title")} help={t("help")} testId="collect-screen">
      <CodeEntry
        label={t("code")}
        testId="checkin-code"
        submitLabel={t("submit")}
        submitTestId="checkin-submit"
        busy={checkIn.isPending}
        parse={(text) => fromScan(text, "code", "pickupCode")}
        onSubmit={(code) => code && checkIn.mutate(code)}
      >
        {checkIn.error && <KioskError testId="checkin-error" message={friendly(checkIn.error, "code")} />}
      </CodeEntry>
    </Screen>
  );
}
