"use client";

import { inputClass, labelClass, Panel } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { formatMoney, INPUT_LIMITS, newIdempotencyKey } from "@omni/core";
import { Button } from "@omni/ui/button";
import { EligibilityView } from "@omni/ui/eligibility-view";
import { ErrorMessage } from "@omni/ui/error-message";
import { Spinner } from "@omni/ui/spinner";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

const reasons = ["wrong_size", "damaged", "not_as_described", "changed_mind", "other"] as const;
type Reason = (typeof reasons)[number];

/** A shopper at the counter returns items of any order from any channel: the same policy as online. */
export function StartReturn({ onCreated }: { onCreated: (returnNumber: string) => void }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("returns");
  const locale = useLocale();
  const { storeId } = useStaff();
  const trpc = useTRPC();
  const [orderNumber, setOrderNumber] = useState("");
  const [email, setEmail] = useState("");
  const [asked, setAsked] = useState<{ orderNumber: string; email?: string } | null>(null);
  const eligibility = useQuery({
    ...trpc.returns.eligibility.queryOptions(asked ?? { orderNumber: "-" }),
    enabled: asked !== null,
    retry: false,
  });
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [reason, setReason] = useState<Reason>("changed_mind");
  const [refundTo, setRefundTo] = useState<"original" | "store_credit">("original");
  const [idempotencyKey, setIdempotencyKey] = useState(() => newIdempotencyKey("counter-return"));
  const create = useMutation(trpc.returns.create.mutationOptions());

  const check = (e: FormEvent) => {
    e.preventDefault();
    setQuantities({});
    create.reset();
    setIdempotencyKey(newIdempotencyKey("counter-return"));
    setAsked({ orderNumber: orderNumber.trim(), email: email.trim() || undefined });
  };
  const chosen = Object.entries(quantities).filter(([, q]) => q > 0);
  const submit = () => {
    if (!asked) return;
    create.mutate({
      orderNumber: asked.orderNumber,
      email: asked.email,
      lines: chosen.map(([lineId, quantity]) => ({ lineId, quantity, reason })),
      method: { type: "in_store", storeId },
      refundTo,
      idempotencyKey,
    });
  };
  return (
    <div className="grid grid-cols-[minmax(0,5fr)_minmax(0,7fr)] items-start gap-5 max-lg:grid-cols-1">
      <Panel title={t("startTitle")}>
        <form onSubmit={check} className="flex flex-col gap-3">
          <label className={labelClass}>
            {t("orderNumber")}
            <input
              className={`${inputClass} font-mono uppercase`}
              value={orderNumber}
              onChange={(e) => setOrderNumber(e.target.value)}
              required
              maxLength={INPUT_LIMITS.code}
              placeholder="OM-100001"
              data-testid="start-return-order"
            />
          </label>
          <label className={labelClass}>
            {t("shopperEmail")}
            <input
              type="email"
              className={inputClass}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              placeholder={t("emailOptional")}
              data-testid="start-return-email"
            />
          </label>
          <Button type="submit" data-testid="start-return-check">
            {t("checkOrder")}
          </Button>
        </form>
      </Panel>
      {asked && (
        <Panel title={t("eligibleTitle", { order: asked.orderNumber.toUpperCase() })}>
          {eligibility.isPending ? (
            <Spinner locale={locale} />
          ) : eligibility.isError ? (
            <ErrorMessage message={errorMessage(eligibility.error)} />
          ) : create.data ? (
            <div className="rounded-lg bg-emerald-50 p-4" data-testid="return-created">
              <p className="text-lg font-semibold text-emerald-900">
                {t("created", { number: create.data.returnNumber })}
              </p>
              <p className="mt-1">
                {t("refundDue")} {formatMoney(create.data.refundMinor, eligibility.data.currency, locale)}
              </p>
              <Button className="mt-3" onClick={() => onCreated(create.data.returnNumber)} data-testid="receive-now">
                {t("receiveNow")}
              </Button>
            </div>
          ) : (
            <>
              <EligibilityView
                lines={eligibility.data.lines}
                deadline={eligibility.data.deadline}
                locale={locale}
                selected={quantities}
                onChange={(lineId, quantity) => setQuantities({ ...quantities, [lineId]: quantity })}
              />
              {eligibility.data.lines.some((l) => l.returnableQuantity > 0) && (
                <div className="mt-4 grid grid-cols-2 gap-3">
                  <label className={labelClass}>
                    {t("why")}
                    <select
                      className={inputClass}
                      value={reason}
                      onChange={(e) => setReason(e.target.value as Reason)}
                      data-testid="start-return-reason"
                    >
                      {reasons.map((r) => (
                        <option key={r} value={r}>
                          {t(`reason.${r}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className={labelClass}>
                    {t("refundToLabel")}
                    <select
                      className={inputClass}
                      value={refundTo}
                      onChange={(e) => setRefundTo(e.target.value as typeof refundTo)}
                      data-testid="start-return-refund-to"
                    >
                      <option value="original">{t("refundTo.original")}</option>
                      <option value="store_credit">{t("refundTo.store_credit")}</option>
                    </select>
                  </label>
                  <Button
                    className="col-span-2"
                    disabled={!chosen.length}
                    busy={create.isPending}
                    onClick={submit}
                    data-testid="start-return-submit"
                  >
                    {t("createReturn")}
                  </Button>
                </div>
              )}
              {create.isError && (
                <div className="mt-3">
                  <ErrorMessage message={errorMessage(create.error)} />
                </div>
              )}
            </>
          )}
        </Panel>
      )}
    </div>
  );
}
