"use client";

import { useTranslations } from "next-intl";

import { QrCode } from "@omni/ui/qr-code";

/** The slip to put in the parcel of a return by mail: the return number as text and QR. */
export function ReturnSlip({
  returnNumber,
  orderNumber,
  lines,
}: {
  returnNumber: string;
  orderNumber: string;
  lines: { title: string; quantity: number }[];
}) {
  const t = useTranslations("returns");
  return (
    <section
      data-testid="return-slip"
      className="print-slip space-y-3 rounded-xl border-2 border-dashed border-slate-400 p-4"
    >
      <h2 className="text-lg font-bold">{t("slipTitle")}</h2>
      <div className="flex flex-wrap items-center gap-4">
        <QrCode value={returnNumber} size={150} label={t("slipQr", { number: returnNumber })} />
        <div>
          <p className="font-mono text-2xl font-bold">{returnNumber}</p>
          <p className="text-sm text-slate-700">{t("slipOrder", { number: orderNumber })}</p>
          <ul className="mt-2 text-sm">
            {lines.map((line, i) => (
              <li key={i}>
                {line.quantity} × {line.title}
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p className="text-sm text-slate-700">{t("slipAddress")}</p>
      <button
        type="button"
        onClick={() => window.print()}
        className="no-print min-h-11 rounded-lg px-4 font-semibold ring-1 ring-inset ring-slate-300 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
      >
        {t("print")}
      </button>
    </section>
  );
}
