"use client";

import { useFriendlyError } from "@/lib/friendly-error";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { INPUT_LIMITS, orderFromScan } from "@omni/core";

import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { ScanToggle } from "./scan-toggle";
import { TouchForm } from "./touch-form";

export type OrderKey = { orderNumber: string; email: string };

/**
 * Finding one's order at the kiosk: scan the QR of the order message (number and e-mail at once), or type
 * the number and the e-mail on the on-screen keyboard. Returns and ratings start here.
 */
export function OrderLookup({
  namespace,
  testIdPrefix,
  lookUp,
}: {
  /** The screen's messages, which name its scan, order number, e-mail and find labels. */
  namespace: "returns" | "rate";
  testIdPrefix: string;
  lookUp: { isPending: boolean; error: unknown; mutate: (key: OrderKey) => void };
}) {
  const t = useTranslations(namespace);
  const friendly = useFriendlyError();
  const { shopper } = useKiosk();
  const labels = { scan: t("scan"), orderNumber: t("orderNumber"), email: t("email"), find: t("find") };
  const onLookUp = (key: OrderKey) => lookUp.mutate(key);
  const busy = lookUp.isPending;
  const error = lookUp.error;
  const [values, setValues] = useState<Record<string, string>>({ email: shopper?.email ?? "" });
  return (
    <>
      <ScanToggle
        label={labels.scan}
        onResult={(text) => {
          const scanned = orderFromScan(text);
          const email = scanned.email ?? values.email ?? "";
          setValues({ orderNumber: scanned.orderNumber, email });
          if (scanned.orderNumber && email) onLookUp({ orderNumber: scanned.orderNumber, email });
        }}
      />
      <TouchForm
        fields={[
          {
            name: "orderNumber",
            label: labels.orderNumber,
            kind: "code",
            testId: `${testIdPrefix}-order-number`,
            maxLength: INPUT_LIMITS.code,
          },
          {
            name: "email",
            label: labels.email,
            kind: "email",
            testId: `${testIdPrefix}-email`,
            maxLength: INPUT_LIMITS.email,
          },
        ]}
        values={values}
        onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        onSubmit={() =>
          onLookUp({ orderNumber: (values.orderNumber ?? "").trim(), email: (values.email ?? "").trim() })
        }
        submitLabel={labels.find}
        submitTestId={`${testIdPrefix}-find`}
        busy={busy}
      >
        {error ? <KioskError message={friendly(error, "order")} /> : null}
      </TouchForm>
    </>
  );
}
