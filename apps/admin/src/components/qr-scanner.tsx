"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";

import { fromScan } from "@omni/core";
import { Button } from "@omni/ui/button";

/**
 * A camera button that reads one QR code (pickup code, reservation code, return slip) and hands
 * it over. The camera is switched off as soon as a code is read or the scanner is closed.
 */
export function QrScanner({ onCode, testId = "scan-qr" }: { onCode: (code: string) => void; testId?: string }) {
  const t = useTranslations("scanner");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    if (!open || !video.current) return;
    let stopped = false;
    let controls: { stop: () => void } | null = null;
    void (async () => {
      try {
        // Loaded on demand: the decoder is large and most screens never open the camera.
        const { BrowserQRCodeReader } = await import("@zxing/browser");
        const reader = new BrowserQRCodeReader();
        controls = await reader.decodeFromConstraints(
          { video: { facingMode: "environment" } },
          video.current!,
          (result) => {
            if (result && !stopped) {
              stopped = true;
              controls?.stop();
              setOpen(false);
              handler.current(fromScan(result.getText(), "code", "returnNumber"));
            }
          },
        );
        if (stopped) controls.stop();
      } catch (error) {
        console.warn("admin: the QR scanner could not start", error);
        setError(t("noCamera"));
        setOpen(false);
      }
    })();
    return () => {
      stopped = true;
      controls?.stop();
    };
  }, [open, t]);

  return (
    <div>
      <Button
        variant="secondary"
        onClick={() => {
          setError(null);
          setOpen(!open);
        }}
        data-testid={testId}
        aria-expanded={open}
      >
        {open ? t("close") : t("scan")}
      </Button>
      {open && (
        <div className="mt-3 overflow-hidden rounded-lg bg-black">
          <video
            ref={video}
            className="aspect-video w-full max-w-md object-cover"
            muted
            playsInline
            aria-label={t("preview")}
          />
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
