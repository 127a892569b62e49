"use client";

import { useState } from "react";

/**
 * A destructive action at the kiosk (cancel a reservation, empty the cart, remove a line): the first tap
 * only asks, naming what will be lost; nothing happens until the shopper taps the red "yes". Two large
 * answers side by side, the safe one first, so a stray tap never destroys anything.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  keepLabel,
  onConfirm,
  busy = false,
  testId,
  className = "min-h-20 rounded-2xl px-8 text-3xl font-semibold text-red-800 ring-2 ring-inset ring-red-300 active:bg-red-50 disabled:text-red-300",
}: {
  label: string;
  question: string;
  confirmLabel: string;
  keepLabel: string;
  onConfirm: () => void;
  busy?: boolean;
  testId: string;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" data-testid={testId} disabled={busy} onClick={() => setAsking(true)} className={className}>
        {label}
      </button>
    );
  }
  return (
    <ConfirmPanel
      testId={testId}
      question={question}
      confirmLabel={confirmLabel}
      keepLabel={keepLabel}
      busy={busy}
      onKeep={() => setAsking(false)}
      onConfirm={() => {
        onConfirm();
        setAsking(false);
      }}
    />
  );
}

/** The question itself, for screens that open it from their own control (the − of a cart line's last unit). */
export function ConfirmPanel({
  question,
  confirmLabel,
  keepLabel,
  onConfirm,
  onKeep,
  busy = false,
  testId,
}: {
  question: string;
  confirmLabel: string;
  keepLabel: string;
  onConfirm: () => void;
  onKeep: () => void;
  busy?: boolean;
  testId: string;
}) {
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${testId}-question`}
      data-testid={`${testId}-dialog`}
      className="flex flex-col gap-6 rounded-3xl bg-red-50 p-8 ring-2 ring-red-300"
    >
      <p id={`${testId}-question`} className="text-3xl font-semibold">
        {question}
      </p>
      <div className="grid grid-cols-2 gap-4">
        <button
          type="button"
          data-testid={`${testId}-keep`}
          autoFocus
          onClick={onKeep}
          className="min-h-20 rounded-2xl bg-white text-3xl font-semibold ring-2 ring-inset ring-slate-300 active:bg-slate-100"
        >
          {keepLabel}
        </button>
        <button
          type="button"
          data-testid={`${testId}-confirm`}
          disabled={busy}
          onClick={onConfirm}
          className="min-h-20 rounded-2xl bg-red-700 text-3xl font-semibold text-white active:bg-red-800 disabled:bg-red-300"
        >
          {confirmLabel}
        </button>
      </div>
    </div>
  );
}
