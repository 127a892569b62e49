"use client";

import { newKioskIdempotencyKey, useContract, type Eligibility, type ReturnReason } from "@/lib/contract";
import { useFriendlyError } from "@/lib/friendly-error";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { formatMoney } from "@omni/core";
import { EligibilityView } from "@omni/ui/eligibility-view";

import { ChoiceRow } from "./choice-row";
import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { OrderLookup } from "./order-lookup";
import { DoneLink, Screen } from "./screen";

const reasons: ReturnReason[] = ["wrong_size", "damaged", "not_as_described", "changed_mind", "other"];

/** Returns at the kiosk: find the order, choose lines, reason and refund, then hand the items in. */
export function ReturnsScreen() {
  const t = useTranslations("returns");
  const locale = useLocale();
  const contract = useContract();
  const friendly = useFriendlyError();
  const { kiosk } = useKiosk();
  const [order, setOrder] = useState<{ orderNumber: string; email: string; eligibility: Eligibility } | null>(null);
  const [selected, setSelected] = useState<Record<string, number>>({});
  const [reason, setReason] = useState<ReturnReason | null>(null);
  const [refundTo, setRefundTo] = useState<"original" | "store_credit">("original");
  const [idempotencyKey] = useState(newKioskIdempotencyKey);

  const lookUp = useMutation({
    mutationFn: async (input: { orderNumber: string; email: string }) => ({
      ...input,
      eligibility: await contract.returns.eligibility.query(input),
    }),
    onSuccess: (found) => {
      setOrder(found);
      setSelected(
        Object.fromEntries(
          found.eligibility.lines.filter((l) => l.returnableQuantity > 0).map((l) => [l.lineId, l.returnableQuantity]),
        ),
      );
    },
  });
  const create = useMutation({
    mutationFn: () =>
      contract.returns.create.mutate({
        orderNumber: order!.orderNumber,
        email: order!.email,
        lines: Object.entries(selected)
          .filter(([, quantity]) => quantity > 0)
          .map(([lineId, quantity]) => ({ lineId, quantity, reason: reason! })),
        method: { type: "in_store", storeId: kiosk.storeId },
        refundTo,
        idempotencyKey,
      }),
  });

  if (create.data) {
    return (
      <Screen title={t("doneTitle")} testId="return-confirmation">
        <div className="rounded-3xl bg-emerald-50 p-10 ring-2 ring-emerald-300">
          <p className="text-3xl">{t("returnNumber")}</p>
          <p data-testid="return-number" className="font-mono text-7xl font-bold tracking-wider">
            {create.data.returnNumber}
          </p>
          <p className="mt-6 text-3xl">
            {t("refund", { amount: formatMoney(create.data.refundMinor, "PLN", locale) })}
          </p>
        </div>
        <p data-testid="hand-to-counter" className="text-5xl font-bold leading-tight">
          {t("handToCounter")}
        </p>
        {kiosk.pickupPoint && <p className="text-3xl text-slate-600">{kiosk.pickupPoint}</p>}
        <DoneLink label={t("done")} />
      </Screen>
    );
  }

  if (order) {
    const chosen = Object.values(selected).some((q) => q > 0);
    const anyReturnable = order.eligibility.lines.some((l) => l.returnableQuantity > 0);
    return (
      <Screen title={t("chooseTitle", { order: order.orderNumber })} testId="return-lines">
        <div className="text-2xl [&_li]:py-5 [&_select]:min-h-16 [&_select]:text-2xl [&_.text-sm]:text-xl">
          <EligibilityView
            lines={order.eligibility.lines}
            deadline={order.eligibility.deadline}
            locale={locale}
            selected={selected}
            onChange={(lineId, quantity) => setSelected((s) => ({ ...s, [lineId]: quantity }))}
          />
        </div>
        {anyReturnable ? (
          <>
            <ChoiceRow
              label={t("reason")}
              value={reason}
              onChange={setReason}
              testIdPrefix="return-reason"
              options={reasons.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
            />
            <ChoiceRow
              label={t("refundTo")}
              value={refundTo}
              onChange={setRefundTo}
              testIdPrefix="refund-to"
              options={[
                { value: "original", label: t("toCard"), help: t("toCardHelp") },
                { value: "store_credit", label: t("toCredit"), help: t("toCreditHelp") },
              ]}
            />
            {create.error && <KioskError message={friendly(create.error, "order")} />}
            <button
              type="button"
              data-testid="create-return"
              disabled={!chosen || !reason || create.isPending}
              onClick={() => create.mutate()}
              className="min-h-24 rounded-2xl bg-slate-900 text-4xl font-semibold text-white disabled:bg-slate-400"
            >
              {create.isPending ? t("working") : t("submit")}
            </button>
          </>
        ) : (
          <p data-testid="nothing-returnable" className="text-3xl text-slate-700">
            {t("nothing")}
          </p>
        )}
        <button
          type="button"
          data-testid="return-back"
          onClick={() => setOrder(null)}
          className="min-h-20 rounded-2xl text-3xl ring-2 ring-inset ring-slate-300"
        >
          {t("otherOrder")}
        </button>
      </Screen>
    );
  }

  return (
    <Screen title={t("title")} help={t("help")} testId="returns-screen">
      <OrderLookup namespace="returns" testIdPrefix="return" lookUp={lookUp} />
    </Screen>
  );
}
