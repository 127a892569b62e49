"use client";

import { TEST_CARDS } from "@/lib/test-cards";
import { useTranslations } from "next-intl";

import { TextField } from "./text-field";

const kinds = {
  card: { label: "cardNumber", autoComplete: "cc-number", placeholder: "4242 4242 4242 4242", maxLength: undefined },
  blik: { label: "blikCode", autoComplete: "one-time-code", placeholder: "777 123", maxLength: 6 },
} as const;

/**
 * The card number or the six digits of a BLIK code, with the demo's test values named under it: checkout and the
 * gift card shop ask them alike. A BLIK code keeps its digits only.
 */
export function PaymentCodeField({
  kind,
  id,
  value,
  onChange,
}: {
  kind: keyof typeof kinds;
  id: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations("checkout");
  const { label, ...input } = kinds[kind];
  return (
    <div className="space-y-2">
      <TextField
        id={id}
        data-testid={id}
        label={t(label)}
        inputMode="numeric"
        {...input}
        value={value}
        onChange={(e) => onChange(kind === "blik" ? e.target.value.replace(/\D/g, "") : e.target.value)}
        required
      />
      <p className="rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700" data-testid={`${kind}-test-note`}>
        {kind === "card" ? t("testCards", { ok: TEST_CARDS.ok, declined: TEST_CARDS.declined }) : t("blikTest")}
      </p>
    </div>
  );
}
