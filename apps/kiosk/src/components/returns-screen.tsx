"use client";

import { newKioskIdempotencyKey, useContract, type Eligibility, type ReturnReason } from "@/lib/contract";
import { useFriendlyError } from "@/lib/friendly-error";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { formatMoney } from "@omni/core";
import { useLineTitle } from "@omni/ui/line-title";

import { ChoiceRow } from "./choice-row";
import { ExchangePicker, type Replacement } from "./exchange-picker";
import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { OrderLookup } from "./order-lookup";
import { ReturnDone } from "./return-done";
import { ReturnLineList } from "./return-line-list";
import { Screen } from "./screen";

const reasons: ReturnReason[] = ["wrong_size", "damaged", "not_as_described", "changed_mind", "other"];
type Found = { orderNumber: string; email: string; eligibility: Eligibility };

/**
 * Returns at the kiosk: find the order, choose lines, reason, and either money back or an exchange
 * (another size, colour or product, with the difference shown before confirming), then hand the items in.
 */
export function ReturnsScreen() {
  const t = useTranslations("returns");
  const lineTitle = useLineTitle();
  const locale = useLocale();
  const contract = useContract();
  const friendly = useFriendlyError();
  const { kiosk } = useKiosk();
  const [order, setOrder] = useState<Found | null>(null);
  const [selected, setSelected] = useState<Record<string, number>>({});
  const [reason, setReason] = useState<ReturnReason | null>(null);
  const [kind, setKind] = useState<"refund" | "exchange">("refund");
  const [replacements, setReplacements] = useState<Record<string, Replacement>>({});
  const [picking, setPicking] = useState<string | null>(null);
  const [refundTo, setRefundTo] = useState<"original" | "store_credit">("original");
  const [idempotencyKey] = useState(newKioskIdempotencyKey);

  const lookUp = useMutation({
    mutationFn: async (input: { orderNumber: string; email: string }) => ({
      ...input,
      eligibility: await contract.returns.eligibility.query(input),
    }),
    onSuccess: (found) => {
      setOrder(found);
      setReplacements({});
      setSelected(
        Object.fromEntries(
          found.eligibility.lines.filter((l) => l.returnableQuantity > 0).map((l) => [l.lineId, l.returnableQuantity]),
        ),
      );
    },
  });

  const chosenLines = Object.entries(selected).filter(([, quantity]) => quantity > 0);
  const lines = chosenLines.map(([lineId, quantity]) => ({ lineId, quantity, reason: reason ?? "other" }));
  const exchange =
    kind === "exchange" && chosenLines.every(([lineId]) => replacements[lineId])
      ? chosenLines.map(([lineId, quantity]) => ({ sku: replacements[lineId]!.sku, quantity }))
      : undefined;
  // Several returned lines may be exchanged for the same thing: one replacement line per SKU.
  const mergedExchange =
    exchange &&
    [
      ...exchange
        .reduce((bySku, l) => bySku.set(l.sku, (bySku.get(l.sku) ?? 0) + l.quantity), new Map<string, number>())
        .entries(),
    ].map(([sku, quantity]) => ({ sku, quantity }));
  const readyToQuote = !!order && lines.length > 0 && (kind === "refund" || !!mergedExchange);
  // What the return will promise, from the same function as returns.create: shown before the shopper confirms.
  const quote = useQuery({
    queryKey: ["returns.quote", order?.orderNumber, lines, mergedExchange],
    queryFn: () =>
      contract.returns.quote.mutate({
        orderNumber: order!.orderNumber,
        email: order!.email,
        lines,
        exchange: mergedExchange,
      }),
    enabled: readyToQuote,
    retry: false,
  });
  const create = useMutation({
    mutationFn: () =>
      contract.returns.create.mutate({
        orderNumber: order!.orderNumber,
        email: order!.email,
        lines: lines.map((l) => ({ ...l, reason: reason! })),
        method: { type: "in_store", storeId: kiosk.storeId },
        refundTo,
        idempotencyKey,
        exchange: mergedExchange,
      }),
  });

  if (create.data) {
    return (
      <ReturnDone
        created={create.data}
        email={order!.email}
        replacements={chosenLines.map(([lineId, quantity]) => ({ ...replacements[lineId]!, quantity }))}
        exchanged={!!mergedExchange}
      />
    );
  }

  const pickingLine = order?.eligibility.lines.find((l) => l.lineId === picking);
  if (order && pickingLine) {
    return (
      <ExchangePicker
        key={pickingLine.lineId}
        line={pickingLine}
        units={selected[pickingLine.lineId] ?? 1}
        onBack={() => setPicking(null)}
        onPick={(replacement) => {
          const next = { ...replacements, [pickingLine.lineId]: replacement };
          setReplacements(next);
          // The next chosen line still without a replacement, or back to the summary.
          setPicking(chosenLines.map(([lineId]) => lineId).find((lineId) => !next[lineId]) ?? null);
        }}
      />
    );
  }

  if (order) {
    const anyReturnable = order.eligibility.lines.some((l) => l.returnableQuantity > 0);
    const missingReplacement = chosenLines.find(([lineId]) => !replacements[lineId])?.[0];
    const refundMinor = quote.data?.refundMinor ?? 0;
    const dueMinor = quote.data?.amountDueMinor ?? 0;
    return (
      <Screen title={t("chooseTitle", { order: order.orderNumber })} testId="return-lines">
        <ReturnLineList
          lines={order.eligibility.lines}
          deadline={order.eligibility.deadline}
          selected={selected}
          onChange={(lineId, quantity) => setSelected((s) => ({ ...s, [lineId]: quantity }))}
        />
        {anyReturnable ? (
          <>
            <ChoiceRow
              label={t("reason")}
              value={reason}
              onChange={setReason}
              testIdPrefix="return-reason"
              columns={3}
              options={reasons.map((r) => ({ value: r, label: t(`reasons.${r}`) }))}
            />
            <ChoiceRow
              label={t("kind")}
              value={kind}
              onChange={setKind}
              testIdPrefix="return-kind"
              options={[
                { value: "refund", label: t("kindRefund"), help: t("kindRefundHelp") },
                { value: "exchange", label: t("kindExchange"), help: t("kindExchangeHelp") },
              ]}
            />
            {kind === "exchange" && (
              <ul data-testid="replacements" className="flex flex-col gap-3">
                {chosenLines.map(([lineId, quantity]) => {
                  const line = order.eligibility.lines.find((l) => l.lineId === lineId);
                  const replacement = replacements[lineId];
                  return (
                    <li
                      key={lineId}
                      className="flex items-center gap-6 rounded-3xl bg-sky-50 px-6 py-4 ring-2 ring-sky-200"
                    >
                      <p className="min-w-0 flex-1 text-2xl">
                        {replacement ? (
                          <span data-testid="replacement" data-sku={replacement.sku}>
                            {t("exchange.swap", {
                              from: line ? lineTitle(line) : lineId,
                              to: `${replacement.productTitle} · ${replacement.variantTitle}`,
                              quantity,
                            })}
                          </span>
                        ) : (
                          t("exchange.forWhat", { item: line ? lineTitle(line) : lineId })
                        )}
                      </p>
                      <button
                        type="button"
                        data-testid="choose-replacement"
                        onClick={() => setPicking(lineId)}
                        className="min-h-16 shrink-0 rounded-2xl bg-white px-6 text-2xl font-semibold ring-2 ring-inset ring-sky-400 active:bg-sky-100"
                      >
                        {replacement ? t("exchange.change") : t("exchange.chooseReplacement")}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            {readyToQuote && (
              <div
                data-testid="return-quote"
                data-refund-minor={quote.data?.refundMinor}
                data-due-minor={quote.data?.amountDueMinor ?? 0}
                className="rounded-3xl bg-slate-50 px-8 py-6 text-3xl ring-2 ring-slate-200"
              >
                {quote.isPending ? (
                  t("working")
                ) : quote.error ? (
                  <KioskError message={friendly(quote.error, "order")} onRetry={() => void quote.refetch()} />
                ) : dueMinor > 0 ? (
                  <p className="font-semibold">
                    {t("exchange.due", { amount: formatMoney(dueMinor, quote.data?.currency ?? "PLN", locale) })}
                  </p>
                ) : refundMinor > 0 ? (
                  <p className="font-semibold">
                    {t(kind === "exchange" ? "exchange.difference" : "quoteRefund", {
                      amount: formatMoney(refundMinor, quote.data?.currency ?? "PLN", locale),
                    })}
                  </p>
                ) : (
                  <p className="font-semibold">{t("exchange.even")}</p>
                )}
              </div>
            )}
            {(kind === "refund" || refundMinor > 0) && (
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
            )}
            {create.error && <KioskError message={friendly(create.error, "order")} />}
            <button
              type="button"
              data-testid="create-return"
              disabled={
                lines.length === 0 || !reason || create.isPending || (kind === "exchange" && !!missingReplacement)
              }
              onClick={() => create.mutate()}
              className="min-h-24 rounded-2xl bg-slate-900 text-4xl font-semibold text-white disabled:bg-slate-400"
            >
              {create.isPending ? t("working") : kind === "exchange" ? t("exchange.submit") : t("submit")}
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
