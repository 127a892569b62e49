"use client";

import { useContract, type Reservation } from "@/lib/contract";
import { useFriendlyError } from "@/lib/friendly-error";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { fromScan, INPUT_LIMITS } from "@omni/core";
import { StatusBadge } from "@omni/ui/status-badge";

import { ConfirmAction } from "./confirm-action";
import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { ScanToggle } from "./scan-toggle";
import { Screen } from "./screen";
import { TouchForm } from "./touch-form";

/** Look up a reservation by its code and e-mail, and cancel it. */
export function ReservationLookupScreen() {
  const t = useTranslations("reservations");
  const locale = useLocale();
  const format = useFormatter();
  const contract = useContract();
  const friendly = useFriendlyError();
  const { shopper } = useKiosk();
  const [values, setValues] = useState<Record<string, string>>({ email: shopper?.email ?? "" });
  const [found, setFound] = useState<{ reservation: Reservation; email: string } | null>(null);
  const lookUp = useMutation({
    mutationFn: async (input: { code: string; email: string }) => ({
      reservation: await contract.reservations.get.query(input),
      email: input.email,
    }),
    onSuccess: setFound,
  });
  const cancel = useMutation({
    mutationFn: () => contract.reservations.cancel.mutate({ code: found!.reservation.code, email: found!.email }),
    onSuccess: () => setFound((f) => (f ? { ...f, reservation: { ...f.reservation, status: "cancelled" } } : f)),
  });

  if (found) {
    const r = found.reservation;
    return (
      <Screen title={t("reservation", { code: r.code })} testId="reservation-details">
        <div className="flex items-center gap-4">
          <StatusBadge status={r.status} locale={locale} size="lg" />
          {r.status === "active" && (
            <span className="text-2xl text-slate-600">
              {t("until", {
                time: format.dateTime(new Date(r.expiresAt), { dateStyle: "medium", timeStyle: "short" }),
              })}
            </span>
          )}
        </div>
        <ul className="divide-y divide-slate-200 rounded-3xl text-3xl ring-2 ring-slate-200">
          {r.lines.map((l) => (
            <li key={l.sku} data-testid="reservation-line" className="flex justify-between px-6 py-5">
              <span data-testid="reservation-line-title">{l.title ?? l.sku}</span>
              <span>× {l.quantity}</span>
            </li>
          ))}
        </ul>
        {cancel.isSuccess && (
          <p data-testid="reservation-cancelled" role="status" className="text-3xl font-semibold text-emerald-800">
            {t("cancelled")}
          </p>
        )}
        {cancel.error && <KioskError message={friendly(cancel.error)} />}
        {r.status === "active" && (
          <ConfirmAction
            testId="cancel-reservation"
            label={t("cancel")}
            question={t("cancelQuestion", {
              items: r.lines.map((l) => `${l.title ?? l.sku} × ${l.quantity}`).join(", "),
            })}
            confirmLabel={t("cancelYes")}
            keepLabel={t("cancelKeep")}
            busy={cancel.isPending}
            onConfirm={() => cancel.mutate()}
          />
        )}
        <button
          type="button"
          data-testid="reservation-another"
          onClick={() => setFound(null)}
          className="min-h-20 rounded-2xl text-3xl ring-2 ring-inset ring-slate-300"
        >
          {t("another")}
        </button>
      </Screen>
    );
  }
  return (
    <Screen title={t("title")} help={t("help")} testId="reservations-screen">
      <ScanToggle
        label={t("scan")}
        onResult={(text) => setValues((v) => ({ ...v, code: fromScan(text, "code").toUpperCase() }))}
      />
      <TouchForm
        fields={[
          {
            name: "code",
            label: t("code"),
            kind: "code",
            testId: "reservation-code-input",
            maxLength: INPUT_LIMITS.code,
          },
          {
            name: "email",
            label: t("email"),
            kind: "email",
            testId: "reservation-email",
            maxLength: INPUT_LIMITS.email,
          },
        ]}
        values={values}
        onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        onSubmit={() => lookUp.mutate({ code: (values.code ?? "").trim(), email: (values.email ?? "").trim() })}
        submitLabel={t("find")}
        submitTestId="reservation-find"
        busy={lookUp.isPending}
      >
        {lookUp.error && <KioskError message={friendly(lookUp.error, "code")} />}
      </TouchForm>
    </Screen>
  );
}
