"use client";

import { cardToken } from "@/lib/test-cards";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";

import { formatMoney, newIdempotencyKey } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { GiftCardIssued } from "@omni/ui/gift-card-issued";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { PaymentCodeField } from "./payment-fields";
import { TextField } from "./text-field";

/** The amounts offered at once, in złoty; any whole amount from 20 to 2000 can be typed instead. */
const AMOUNTS = [50, 100, 200, 500];

/** Buying a gift card in the shop: its own short checkout, since a card is not goods to hold or ship. */
export function GiftCardShop() {
  const t = useTranslations("giftCards");
  const tc = useTranslations("checkout");
  const locale = useLocale();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [amount, setAmount] = useState<number | null>(100);
  const [custom, setCustom] = useState("");
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [recipientName, setRecipientName] = useState("");
  const [recipientEmail, setRecipientEmail] = useState("");
  const [message, setMessage] = useState("");
  const [method, setMethod] = useState<"card" | "blik">("card");
  const [card, setCard] = useState("");
  const [blik, setBlik] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [attemptKey, setAttemptKey] = useState(() => newIdempotencyKey("web-gift-card"));
  const buy = useMutation(trpc.giftCards.buy.mutationOptions());

  if (buy.data)
    return (
      <div className="space-y-4">
        <GiftCardIssued
          card={buy.data}
          locale={locale}
          words={{
            title: t("issuedTitle"),
            code: t("code"),
            sentTo: (to) => t("sentTo", { email: to }),
            notSent: t("notSent"),
          }}
        />
        <p className="text-center text-sm text-slate-600">{t("keepCode")}</p>
        <p className="text-center">
          <Link href="/" className="font-semibold text-sky-800 underline">
            {tc("shop")}
          </Link>
        </p>
      </div>
    );

  const zloty = amount ?? Number(custom.replace(",", "."));
  const submit = () => {
    setFormError(null);
    if (!Number.isInteger(zloty) || zloty < 20 || zloty > 2000) return setFormError(t("amountRange"));
    let payment;
    if (method === "blik") {
      if (!/^\d{6}$/.test(blik.trim())) return setFormError(tc("blikSixDigits"));
      payment = { method: "blik" as const, code: blik.trim() };
    } else {
      const token = cardToken(card);
      if (!token) return setFormError(tc("cardUnknown"));
      payment = { method: "card" as const, token };
    }
    buy.mutate(
      {
        amountMinor: zloty * 100,
        email,
        name: name || undefined,
        recipientName: recipientName || undefined,
        recipientEmail: recipientEmail || undefined,
        message: message || undefined,
        payment,
        idempotencyKey: attemptKey,
        locale: locale === "pl" ? "pl" : "en",
      },
      { onError: () => setAttemptKey(newIdempotencyKey("web-gift-card")) },
    );
  };

  const chip = (on: boolean) =>
    `min-h-11 rounded-xl px-4 font-semibold ring-1 ring-inset ${on ? "bg-sky-50 ring-2 ring-sky-600" : "ring-slate-300"}`;

  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className="space-y-3">
        <legend className="mb-2 text-lg font-semibold">{t("amount")}</legend>
        <div className="flex flex-wrap gap-2">
          {AMOUNTS.map((a) => (
            <button
              key={a}
              type="button"
              data-testid={`gift-amount-${a}`}
              aria-pressed={amount === a}
              className={chip(amount === a)}
              onClick={() => setAmount(a)}
            >
              {formatMoney(a * 100, "PLN", locale)}
            </button>
          ))}
          <button
            type="button"
            data-testid="gift-amount-other"
            aria-pressed={amount === null}
            className={chip(amount === null)}
            onClick={() => setAmount(null)}
          >
            {t("otherAmount")}
          </button>
        </div>
        {amount === null && (
          <TextField
            id="gift-custom"
            data-testid="gift-amount-custom"
            label={t("otherAmountLabel")}
            hint={t("amountRange")}
            inputMode="numeric"
            value={custom}
            onChange={(e) => setCustom(e.target.value.replace(/[^\d]/g, ""))}
            required
          />
        )}
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("forWhom")}</legend>
        <TextField
          id="gift-recipient-name"
          data-testid="gift-recipient-name"
          label={t("recipientName")}
          value={recipientName}
          onChange={(e) => setRecipientName(e.target.value)}
        />
        <TextField
          id="gift-recipient-email"
          data-testid="gift-recipient-email"
          label={t("recipientEmail")}
          hint={t("recipientEmailHint")}
          type="email"
          value={recipientEmail}
          onChange={(e) => setRecipientEmail(e.target.value)}
        />
        <TextField
          id="gift-message"
          label={t("message")}
          className="sm:col-span-2"
          maxLength={300}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">{t("buyer")}</legend>
        <TextField
          id="gift-name"
          label={tc("name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          autoComplete="name"
        />
        <TextField
          id="gift-email"
          data-testid="gift-email"
          label={tc("email")}
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoComplete="email"
          required
        />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="mb-2 text-lg font-semibold">{tc("payment")}</legend>
        <div className="flex gap-2">
          <button
            type="button"
            className={chip(method === "card")}
            aria-pressed={method === "card"}
            data-testid="gift-pay-card"
            onClick={() => setMethod("card")}
          >
            {tc("card")}
          </button>
          <button
            type="button"
            className={chip(method === "blik")}
            aria-pressed={method === "blik"}
            data-testid="gift-pay-blik"
            onClick={() => setMethod("blik")}
          >
            {tc("method_blik")}
          </button>
        </div>
        {method === "card" ? (
          <PaymentCodeField kind="card" id="gift-card-number" value={card} onChange={setCard} />
        ) : (
          <PaymentCodeField kind="blik" id="gift-blik" value={blik} onChange={setBlik} />
        )}
      </fieldset>

      {formError && <ErrorMessage message={formError} locale={locale} />}
      {buy.error && <ErrorMessage message={errorMessage(buy.error)} locale={locale} />}
      <Button type="submit" size="lg" className="w-full" data-testid="gift-buy" busy={buy.isPending}>
        {Number.isInteger(zloty) && zloty >= 20 && zloty <= 2000
          ? t("buyFor", { amount: formatMoney(zloty * 100, "PLN", locale) })
          : t("buy")}
      </Button>
    </form>
  );
}
