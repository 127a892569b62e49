"use client";

import type { FormEvent } from "react";

import { INPUT_LIMITS } from "@omni/core";
import { Button } from "@omni/ui/button";

import { inputClass } from "./page-header";
import { QrScanner } from "./qr-scanner";

/**
 * The counter's code field: typed, or read from a QR code with the camera. Used for pickup codes,
 * reservation codes and return numbers.
 */
export function CodeLookup({
  value,
  onChange,
  onFind,
  label,
  buttonLabel,
  placeholder,
  busy,
  testIds,
  size = "md",
}: {
  value: string;
  onChange: (value: string) => void;
  onFind: (code: string) => void;
  label: string;
  buttonLabel: string;
  placeholder?: string;
  busy?: boolean;
  testIds: { input: string; submit: string; scan: string };
  size?: "md" | "lg";
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onFind(value.trim());
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-start gap-2">
      <input
        className={`${inputClass} min-w-48 flex-1 font-mono uppercase ${size === "lg" ? "max-w-sm text-xl tracking-widest" : "tracking-wider"}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={placeholder ?? label}
        aria-label={label}
        maxLength={INPUT_LIMITS.code}
        autoComplete="off"
        data-testid={testIds.input}
      />
      <Button type="submit" busy={busy} data-testid={testIds.submit}>
        {buttonLabel}
      </Button>
      <QrScanner
        testId={testIds.scan}
        onCode={(code) => {
          onChange(code);
          onFind(code);
        }}
      />
    </form>
  );
}
