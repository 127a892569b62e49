"use client";

import { Panel } from "@/components/page-header";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { formatMoney } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { StatusBadge } from "@omni/ui/status-badge";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

export type CounterSold = {
  orderNumber: string;
  status: string;
  totalMinor: number;
  currency: string;
  paidMinor: number;
  pointsRedeemed: number;
  giftCardMinor: number;
  pointsEarned?: number;
  memberEmail?: string;
  email: string;
  changeMinor: number | null;
};

/** The end of a sale: what was paid, the change, the points, and the receipt to print. */
export function CounterReceipt({ sold, onNext }: { sold: CounterSold; onNext: () => void }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("counter");
  const locale = useLocale();
  const trpc = useTRPC();
  const receipt = useMutation(
    trpc.orders.receipt.mutationOptions({
      onSuccess: (file) => {
        const bytes = Uint8Array.from(atob(file.pdfBase64), (c) => c.charCodeAt(0));
        const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
        window.open(url, "_blank");
      },
    }),
  );
  const money = (minor: number) => formatMoney(minor, sold.currency, locale);
  return (
    <Panel title={t("soldTitle")} testId="counter-sold">
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-lg">
        <dt>{t("orderNumber")}</dt>
        <dd className="font-mono font-semibold" data-testid="counter-order-number">
          {sold.orderNumber}
        </dd>
        <dt>{t("status")}</dt>
        <dd>
          <StatusBadge status={sold.status} locale={locale} />
        </dd>
        <dt>{t("total")}</dt>
        <dd data-testid="counter-sold-total">{money(sold.totalMinor)}</dd>
        {sold.pointsRedeemed > 0 && (
          <>
            <dt>{t("pointsPaid")}</dt>
            <dd>
              {sold.pointsRedeemed} {t("pointsWord")}
            </dd>
          </>
        )}
        {sold.giftCardMinor > 0 && (
          <>
            <dt>{t("giftCardLine")}</dt>
            <dd data-testid="counter-gift-card-paid">{money(sold.giftCardMinor)}</dd>
          </>
        )}
        {sold.changeMinor !== null && (
          <>
            <dt>{t("change")}</dt>
            <dd className="text-2xl font-bold" data-testid="counter-change">
              {money(sold.changeMinor)}
            </dd>
          </>
        )}
        {sold.memberEmail && (
          <>
            <dt>{t("pointsEarned")}</dt>
            <dd data-testid="counter-points-earned">
              {sold.pointsEarned !== undefined ? `+${sold.pointsEarned}` : t("pointsLater")}
            </dd>
          </>
        )}
      </dl>
      <div className="mt-4 flex flex-wrap gap-3">
        {sold.status === "collected" && (
          <Button
            variant="secondary"
            size="lg"
            busy={receipt.isPending}
            onClick={() => receipt.mutate({ orderNumber: sold.orderNumber, email: sold.email })}
            data-testid="counter-receipt"
          >
            {t("printReceipt")}
          </Button>
        )}
        <Button size="lg" onClick={onNext} data-testid="counter-next">
          {t("nextSale")}
        </Button>
      </div>
      {receipt.error && <ErrorMessage message={errorMessage(receipt.error)} locale={locale} />}
    </Panel>
  );
}
