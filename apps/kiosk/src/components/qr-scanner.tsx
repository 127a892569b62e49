"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

/** The kiosk camera reading one QR code; says so plainly when there is no camera or no permission. */
export function QrScanner({ onResult, onCancel }: { onResult: (text: string) => void; onCancel: () => void }) {
  const t = useTranslations("scan");
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  const done = useRef(onResult);
  done.current = onResult;

  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    void (async () => {
      try {
        const { BrowserQRCodeReader } = await import("@zxing/browser");
        if (cancelled || !video.current) return;
        const reader = new BrowserQRCodeReader();
        const controls = await reader.decodeFromVideoDevice(undefined, video.current, (result, _error, ctrl) => {
          if (result) {
            ctrl.stop();
            done.current(result.getText());
          }
        });
        if (cancelled) controls.stop();
        else stop = () => controls.stop();
      } catch (error) {
        // No camera, or permission refused: the screen offers typing the code instead.
        console.warn("kiosk: the QR scanner could not start", error);
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);

  return (
    <div data-testid="qr-scanner" className="flex flex-col gap-4">
      {failed ? (
        <p
          role="alert"
          data-testid="camera-unavailable"
          className="rounded-2xl bg-amber-50 p-6 text-2xl text-amber-900"
        >
          {t("noCamera")}
        </p>
      ) : (
        <>
          <video ref={video} className="aspect-video w-full rounded-2xl bg-black object-cover" muted playsInline />
          <p className="text-center text-2xl text-slate-600">{t("hold")}</p>
        </>
      )}
      <button
        type="button"
        data-testid="scan-cancel"
        onClick={onCancel}
        className="min-h-16 rounded-2xl text-2xl font-semibold ring-2 ring-inset ring-slate-300"
      >
        {t("cancel")}
      </button>
    </div>
  );
}
