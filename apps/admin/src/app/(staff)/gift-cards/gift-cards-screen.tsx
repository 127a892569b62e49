"use client";

import { bigChoice } from "@/components/cash-tendered";
import { ListState, TableHead } from "@/components/list-state";
import { inputClass, labelClass, PageHeader, Panel, tableClass } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { TillPayment, type TerminalResult, type TillMethod } from "@/components/till-payment";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { formatMoney, newIdempotencyKey } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { GiftCardIssued } from "@omni/ui/gift-card-issued";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

const AMOUNTS = [50, 100, 200, 500];

/**
 * Selling a gift card at this store's counter (card terminal, BLIK or cash): the code and its QR are
 * printed for the buyer, and e-mailed when an address is given. The list shows this store's cards with
 * their codes masked, so that nobody can spend a card from the list.
 */
export function GiftCardsScreen() {
  const t = useTranslations("giftCards");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const { storeId } = useStaff();
  const [amount, setAmount] = useState(100);
  const [pay, setPay] = useState<TillMethod>("card");
  const [cardResult, setCardResult] = useState<TerminalResult>("tok_ok");
  const [blik, setBlik] = useState("");
  const [email, setEmail] = useState("");
  const [recipientName, setRecipientName] = useState("");
  const [key, setKey] = useState(() => newIdempotencyKey("counter-gift"));
  const list = useQuery(trpc.giftCards.list.queryOptions({ storeId }));
  const sell = useMutation(
    trpc.giftCards.sell.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.giftCards.list.queryKey() }),
      onError: () => setKey(newIdempotencyKey("counter-gift")),
    }),
  );
  const money = (minor: number) => formatMoney(minor, "PLN", locale);

  const submit = () =>
    sell.mutate({
      storeId,
      amountMinor: amount * 100,
      email: email.trim() || undefined,
      recipientName: recipientName.trim() || undefined,
      payment:
        pay === "card"
          ? { method: "card", token: cardResult }
          : pay === "blik"
            ? { method: "blik", code: blik.replace(/\D/g, "") }
            : { method: "cash" },
      idempotencyKey: key,
      locale: locale === "pl" ? "pl" : "en",
    });

  const next = () => {
    sell.reset();
    setEmail("");
    setRecipientName("");
    setBlik("");
    setKey(newIdempotencyKey("counter-gift"));
  };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid grid-cols-[minmax(0,5fr)_minmax(0,7fr)] items-start gap-5 max-xl:grid-cols-1">
        {sell.data ? (
          <Panel title={t("soldTitle")} testId="gift-card-sold">
            <GiftCardIssued
              card={sell.data}
              locale={locale}
              words={{
                title: t("cardTitle"),
                code: t("code"),
                sentTo: (to) => t("sentTo", { email: to }),
                notSent: t("notSent"),
              }}
            />
            <div className="mt-4 flex gap-3 print:hidden">
              <Button size="lg" onClick={() => window.print()} data-testid="gift-card-print">
                {t("print")}
              </Button>
              <Button size="lg" variant="secondary" onClick={next} data-testid="gift-card-next">
                {t("next")}
              </Button>
            </div>
          </Panel>
        ) : (
          <Panel title={t("sellTitle")} testId="gift-card-sell">
            <div className="grid grid-cols-2 gap-2">
              {AMOUNTS.map((a) => (
                <button
                  key={a}
                  type="button"
                  className={bigChoice(amount === a)}
                  aria-pressed={amount === a}
                  onClick={() => setAmount(a)}
                  data-testid={`gift-amount-${a}`}
                >
                  {money(a * 100)}
                </button>
              ))}
            </div>
            <label className={`${labelClass} mt-3`}>
              {t("otherAmount")}
              <input
                className={`${inputClass} min-h-12 text-xl`}
                inputMode="numeric"
                value={AMOUNTS.includes(amount) ? "" : String(amount)}
                onChange={(e) => setAmount(Number(e.target.value.replace(/\D/g, "")) || 0)}
                data-testid="gift-amount-custom"
              />
              <span className="text-slate-600">{t("amountRange")}</span>
            </label>
            <label className={`${labelClass} mt-3`}>
              {t("recipientName")}
              <input
                className={`${inputClass} min-h-12`}
                value={recipientName}
                onChange={(e) => setRecipientName(e.target.value)}
              />
            </label>
            <label className={`${labelClass} mt-3`}>
              {t("email")}
              <input
                className={`${inputClass} min-h-12`}
                type="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                data-testid="gift-email"
              />
              <span className="text-slate-600">{t("emailHint")}</span>
            </label>
            <div className="mt-4">
              <TillPayment
                pay={pay}
                onPay={setPay}
                cardResult={cardResult}
                onCardResult={setCardResult}
                blik={blik}
                onBlik={setBlik}
                testIdPrefix="gift"
              />
            </div>
            {sell.error && (
              <div className="mt-3">
                <ErrorMessage message={errorMessage(sell.error)} locale={locale} />
              </div>
            )}
            <Button
              size="lg"
              className="mt-4 w-full"
              disabled={amount < 20 || amount > 2000}
              busy={sell.isPending}
              onClick={submit}
              data-testid="gift-card-sell-submit"
            >
              {t("sellFor", { amount: money(amount * 100) })}
            </Button>
          </Panel>
        )}
        <Panel title={t("listTitle")} className="print:hidden">
          <ListState query={list} empty={t("none")}>
            {(rows) => (
              <table className={tableClass}>
                <TableHead
                  columns={[
                    t("code"),
                    t("sold"),
                    t("paidBy"),
                    { label: t("loaded"), align: "right" },
                    { label: t("balance"), align: "right" },
                  ]}
                />
                <tbody className="divide-y divide-slate-100">
                  {rows.map((c) => (
                    <tr key={c.id} data-testid="gift-card-row">
                      <td className="font-mono">{c.code}</td>
                      <td className="text-slate-600">
                        {format.dateTime(new Date(c.createdAt), { dateStyle: "short", timeStyle: "short" })}
                        {c.status !== "active" && ` · ${t(`status.${c.status}`)}`}
                      </td>
                      <td className="text-slate-600">{t(`pay.${c.paymentMethod}`)}</td>
                      <td className="text-right">{money(c.initialMinor)}</td>
                      <td className="text-right font-semibold">{money(c.balanceMinor)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </ListState>
        </Panel>
      </div>
    </>
  );
}
