"use client";

import { useState } from "react";

import { QrIcon } from "./icons";
import { QrScanner } from "./qr-scanner";

/** A big "Scan the QR code" button that opens the camera in place and closes it after one read. */
export function ScanToggle({ label, onResult }: { label: string; onResult: (text: string) => void }) {
  const [scanning, setScanning] = useState(false);
  if (scanning) {
    return (
      <QrScanner
        onCancel={() => setScanning(false)}
        onResult={(text) => {
          setScanning(false);
          onResult(text);
        }}
      />
    );
  }
  return (
    <button
      type="button"
      data-testid="scan-qr"
      onClick={() => setScanning(true)}
      className="flex min-h-24 items-center justify-center gap-4 rounded-2xl bg-sky-700 text-3xl font-semibold text-white active:bg-sky-800"
    >
      <QrIcon className="h-12 w-12" /> {label}
    </button>
  );
}
