"use client";

import { forgetDevice } from "@/server/actions";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { LockIcon } from "./icons";

/** A revoked (or unknown) kiosk: nothing works until a manager pairs it again. */
export function LockedScreen() {
  const t = useTranslations("locked");
  const [confirming, setConfirming] = useState(false);
  return (
    <main
      data-testid="locked-screen"
      className="flex min-h-screen flex-col items-center justify-center gap-10 bg-slate-900 p-16 text-center text-white"
    >
      <LockIcon className="h-48 w-48" />
      <h1 className="text-7xl font-bold">{t("title")}</h1>
      <p className="max-w-3xl text-4xl text-slate-300">{t("body")}</p>
      {confirming ? (
        <div className="flex gap-6">
          <button
            type="button"
            data-testid="repair-confirm"
            className="min-h-20 rounded-2xl bg-white px-10 text-3xl font-semibold text-slate-900"
            onClick={async () => {
              await forgetDevice();
              // A full load on purpose: the root layout decides again, now without the pairing cookie.
              // eslint-disable-next-line @next/next/no-location-assign-relative-destination
              window.location.assign("/");
            }}
          >
            {t("repairConfirm")}
          </button>
          <button
            type="button"
            className="min-h-20 rounded-2xl px-10 text-3xl ring-2 ring-white/40"
            onClick={() => setConfirming(false)}
          >
            {t("cancel")}
          </button>
        </div>
      ) : (
        <button
          type="button"
          data-testid="repair"
          className="mt-16 min-h-16 rounded-2xl px-8 text-2xl text-slate-400 ring-1 ring-white/20"
          onClick={() => setConfirming(true)}
        >
          {t("repair")}
        </button>
      )}
    </main>
  );
}
