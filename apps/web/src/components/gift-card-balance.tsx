"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { formatMoney } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { TextField } from "./text-field";

/** The balance of the card whose code the shopper types; the code stays on this page only. */
export function GiftCardBalance() {
  const t = useTranslations("giftCards");
  const locale = useLocale();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [code, setCode] = useState("");
  const [asked, setAsked] = useState<string | null>(null);
  const balance = useQuery({
    ...trpc.giftCards.lookup.queryOptions({ code: asked ?? "" }),
    enabled: asked !== null,
    retry: false,
    staleTime: 0,
  });

  return (
    <div className="space-y-4">
      <form
        className="flex items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (code.trim()) setAsked(code.trim());
        }}
      >
        <TextField
          id="balance-code"
          data-testid="balance-code"
          label={t("code")}
          className="flex-1"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          maxLength={64}
          placeholder="GC-XXXX-XXXX-XXXX-XXXX"
          required
        />
        <Button type="submit" data-testid="balance-check" busy={balance.isFetching}>
          {t("check")}
        </Button>
      </form>
      {balance.error && <ErrorMessage message={errorMessage(balance.error)} locale={locale} />}
      {balance.data && !balance.isFetching && (
        <div className="rounded-xl bg-emerald-50 p-4 ring-1 ring-emerald-200" data-testid="balance-result">
          <p className="text-sm text-emerald-900">{t("cardEnding", { lastFour: balance.data.lastFour })}</p>
          <p className="text-3xl font-black text-emerald-950" data-testid="balance-amount">
            {formatMoney(balance.data.balanceMinor, balance.data.currency, locale)}
          </p>
          <p className="text-sm text-emerald-900">
            {t("ofInitial", { amount: formatMoney(balance.data.initialMinor, balance.data.currency, locale) })}
          </p>
        </div>
      )}
    </div>
  );
}
