"use client";

import { useContract } from "@/lib/contract";
import { useFriendlyError } from "@/lib/friendly-error";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { fromScan } from "@omni/core";
import { Button } from "@omni/ui/button";
import { errorCode } from "@omni/ui/trpc";

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
  const [code, setCode] = useState("");
  const checkIn = useMutation({ mutationFn: (code: string) => contract.pickup.checkIn.mutate({ code }) });
  const askForHelp = useMutation({ mutationFn: (code: string) => contract.pickup.askForHelp.mutate({ code }) });

  if (askForHelp.data) {
    const asked = askForHelp.data;
    return (
      <Screen title={t("helpComing")} testId="help-confirmation">
        <div className="rounded-3xl bg-sky-50 p-10 ring-2 ring-sky-300">
          <p className="text-3xl text-sky-950">
            {t("order")} <strong data-testid="help-order-number">{asked.orderNumber}</strong>
          </p>
          <p className="mt-6 text-3xl text-slate-700">{t("waitAt")}</p>
          <p className="mt-2 text-5xl font-bold leading-tight">
            {asked.pickupPoint ?? kiosk.pickupPoint ?? kiosk.storeName}
          </p>
          <p className="mt-8 text-3xl">{t("helpStaffNotified")}</p>
        </div>
        <DoneLink label={t("done")} />
      </Screen>
    );
  }

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
        onSubmit={(typed) => {
          if (!typed) return;
          setCode(typed);
          askForHelp.reset();
          checkIn.mutate(typed);
        }}
      >
        {checkIn.error && <KioskError testId="checkin-error" message={friendly(checkIn.error, "code")} />}
        {/* The order is not ready (or cannot be collected): a person can explain, so the shopper may call one. */}
        {errorCode(checkIn.error) === "CONFLICT" && (
          <div className="flex flex-col gap-4 rounded-3xl bg-amber-50 p-8 ring-2 ring-amber-300">
            <p className="text-3xl text-amber-950">{t("helpQuestion")}</p>
            <Button
              type="button"
              size="lg"
              busy={askForHelp.isPending}
              onClick={() => askForHelp.mutate(code)}
              data-testid="ask-for-help"
              className="min-h-20! rounded-2xl! text-3xl!"
            >
              {t("askForHelp")}
            </Button>
            {askForHelp.error && <KioskError testId="help-error" message={friendly(askForHelp.error, "code")} />}
          </div>
        )}
      </CodeEntry>
    </Screen>
  );
}
