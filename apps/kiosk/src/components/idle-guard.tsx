"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

const activity = ["pointerdown", "keydown", "touchstart", "wheel"] as const;

/**
 * After `idleMs` untouched, asks "Still there?" and counts down `warnMs`; then `onReset` forgets the
 * shopper. Any touch before that keeps the session.
 */
export function IdleGuard({ idleMs, warnMs, onReset }: { idleMs: number; warnMs: number; onReset: () => void }) {
  const t = useTranslations("idle");
  const [warningSince, setWarningSince] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const lastActivity = useRef(Date.now());
  const warningRef = useRef<number | null>(null);
  const resetRef = useRef(onReset);
  resetRef.current = onReset;
  const show = (since: number | null) => {
    warningRef.current = since;
    setWarningSince(since);
    if (since != null) setNow(since);
  };

  useEffect(() => {
    const touched = () => {
      lastActivity.current = Date.now();
    };
    for (const type of activity) window.addEventListener(type, touched, { passive: true, capture: true });
    return () => {
      for (const type of activity) window.removeEventListener(type, touched, { capture: true });
    };
  }, []);

  useEffect(() => {
    // Decided from refs, outside any state updater: the reset navigates and must not run during a render.
    const tick = window.setInterval(() => {
      const at = Date.now();
      const since = warningRef.current;
      if (since == null) {
        if (at - lastActivity.current >= idleMs) show(at);
        return;
      }
      setNow(at);
      if (lastActivity.current > since) show(null);
      else if (at - since >= warnMs) {
        show(null);
        lastActivity.current = at;
        resetRef.current();
      }
    }, 250);
    return () => window.clearInterval(tick);
  }, [idleMs, warnMs]);

  if (warningSince == null) return null;
  const secondsLeft = Math.max(0, Math.ceil((warnMs - (now - warningSince)) / 1000));
  return (
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/70 p-12"
      role="alertdialog"
      aria-modal
      aria-labelledby="still-there-title"
    >
      <div data-testid="still-there" className="w-full max-w-3xl rounded-3xl bg-white p-12 text-center shadow-2xl">
        <h2 id="still-there-title" className="text-6xl font-bold">
          {t("title")}
        </h2>
        <p className="mt-6 text-3xl text-slate-700">{t("body")}</p>
        <p data-testid="still-there-countdown" className="mt-8 text-9xl font-bold tabular-nums" aria-live="polite">
          {secondsLeft}
        </p>
        <div className="mt-10 flex flex-col gap-4">
          <button
            type="button"
            data-testid="still-here"
            onClick={() => {
              lastActivity.current = Date.now();
              show(null);
            }}
            className="min-h-24 rounded-2xl bg-slate-900 text-4xl font-semibold text-white active:bg-slate-700"
          >
            {t("stay")}
          </button>
          <button
            type="button"
            data-testid="start-over"
            onClick={() => {
              show(null);
              resetRef.current();
            }}
            className="min-h-20 rounded-2xl text-3xl font-semibold ring-2 ring-inset ring-slate-300 active:bg-slate-100"
          >
            {t("startOver")}
          </button>
        </div>
      </div>
    </div>
  );
}
