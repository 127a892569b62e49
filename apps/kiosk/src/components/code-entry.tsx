"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { QrScanner } from "./qr-scanner";
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
  children,
}: {
  label: string;
  testId: string;
  submitLabel: string;
  submitTestId: string;
  onSubmit: (code: string) => void;
  busy?: boolean;
  parse?: (scanned: string) => string;
  children?: ReactNode;
}) {
  const t = useTranslations("scan");
  const [code, setCode] = useState("");
  const [scanning, setScanning] = useState(false);
  return (
    <div className="flex flex-col gap-6">
      {scanning ? (
        <QrScanner
          onResult={(text) => {
            setScanning(false);
            const value = parse(text).trim();
            setCode(value.toUpperCase());
            onSubmit(value);
          }}
          onCancel={() => setScanning(false)}
        />
      ) : (
        <button
          type="button"
          data-testid="scan-qr"
          onClick={() => setScanning(true)}
          className="flex min-h-24 items-center justify-center gap-4 rounded-2xl bg-sky-700 text-3xl font-semibold text-white active:bg-sky-800"
        >
          <span aria-hidden>▣</span> {t("scan")}
        </button>
      )}
      <p className="text-center text-2xl text-slate-500">{t("orType")}</p>
      <TouchForm
        fields={[{ name: "code", label, kind: "code", testId, maxLength: 64 }]}
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
