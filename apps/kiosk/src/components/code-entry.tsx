"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

import { INPUT_LIMITS } from "@omni/core";

import { ScanToggle } from "./scan-toggle";
import { TouchForm } from "./touch-form";

/**
 * A code typed on the on-screen keyboard or scanned from a QR code with the kiosk camera. `parse`
 * turns what a QR code holds (often a link) into the code itself.
 */
export function CodeEntry({
  label,
  testId,
  submitLabel,
  submitTestId,
  onSubmit,
  busy,
  parse = (text) => text,
  caseSensitive = false,
  children,
}: {
  label: string;
  testId: string;
  submitLabel: string;
  submitTestId: string;
  onSubmit: (code: string) => void;
  busy?: boolean;
  parse?: (scanned: string) => string;
  /** Long secrets (sign-in tokens) keep their case; short codes are typed in capitals. */
  caseSensitive?: boolean;
  children?: ReactNode;
}) {
  const t = useTranslations("scan");
  const [code, setCode] = useState("");
  return (
    <div className="flex flex-col gap-6">
      <ScanToggle
        label={t("scan")}
        onResult={(text) => {
          const value = parse(text).trim();
          setCode(caseSensitive ? value : value.toUpperCase());
          onSubmit(value);
        }}
      />
      <p className="text-center text-2xl text-slate-500">{t("orType")}</p>
      <TouchForm
        fields={[
          caseSensitive
            ? { name: "code", label, testId, maxLength: 200, keyboard: "email" }
            : { name: "code", label, kind: "code", testId, maxLength: INPUT_LIMITS.code },
        ]}
        values={{ code }}
        onChange={(_, value) => setCode(value)}
        onSubmit={() => onSubmit(code.trim())}
        submitLabel={submitLabel}
        submitTestId={submitTestId}
        busy={busy}
      >
        {children}
      </TouchForm>
    </div>
  );
}
