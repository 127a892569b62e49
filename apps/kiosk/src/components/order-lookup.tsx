"use client";

import { useFriendlyError } from "@/lib/friendly-error";
import { useState } from "react";

import { INPUT_LIMITS, orderFromScan } from "@omni/core";

import { KioskError } from "./kiosk-error";
import { ScanToggle } from "./scan-toggle";
import { TouchForm } from "./touch-form";

export type OrderKey = { orderNumber: string; email: string };

/**
 * Finding one's order at the kiosk: scan the QR of the order message (number and e-mail at once), or type
 * the number and the e-mail on the on-screen keyboard. Returns and ratings start here.
 */
export function OrderLookup({
  labels,
  testIdPrefix,
  initialEmail,
  busy,
  error,
  onLookUp,
}: {
  labels: { scan: string; orderNumber: string; email: string; find: string };
  testIdPrefix: string;
  initialEmail: string;
  busy: boolean;
  error: unknown;
  onLookUp: (key: OrderKey) => void;
}) {
  const friendly = useFriendlyError();
  const [values, setValues] = useState<Record<string, string>>({ email: initialEmail });
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
