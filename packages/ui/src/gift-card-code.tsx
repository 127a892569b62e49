"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

import { formatMoney } from "@omni/core";

import { Button } from "./button";
import { ErrorMessage } from "./error-message";
import { useErrorMessage, useTRPC } from "./trpc";

/** A gift card the shopper applied at checkout: its code (sent with the order) and what it holds now. */
export type AppliedGiftCard = { code: string; lastFour: string; balanceMinor: number; currency: string };

/**
 * The gift-card line of every checkout (shop, kiosk, counter): type or scan a code, see its balance,
 * remove it. The balance comes from `giftCards.lookup`, so a wrong code is said (and counted) before
 * the order; the server still decides what the card pays when the order is placed. Words come from
 * the app's own catalogue.
 */
export function GiftCardCode({
  applied,
  onChange,
  locale,
  words,
  big = false,
}: {
  applied: AppliedGiftCard | null;
  onChange: (card: AppliedGiftCard | null) => void;
  locale: string;
  words: { label: string; apply: string; remove: string; applied: (lastFour: string, balance: string) => string };
  /** Touch-sized for the kiosk and the counter. */
  big?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (applied)
    return (
      <div
        className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-emerald-50 px-4 py-3 text-emerald-900 ring-1 ring-emerald-200"
        data-testid="gift-card-applied"
      >
        <span>{words.applied(applied.lastFour, formatMoney(applied.balanceMinor, applied.currency, locale))}</span>
        <Button
          variant="secondary"
          size={big ? "lg" : "md"}
          onClick={() => onChange(null)}
          data-testid="gift-card-remove"
        >
          {words.remove}
        </Button>
      </div>
    );

  const apply = async () => {
    if (!code.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const found = await queryClient.fetchQuery({ ...trpc.giftCards.lookup.queryOptions({ code }), staleTime: 0 });
      onChange({
        code: code.trim(),
        lastFour: found.lastFour,
        balanceMinor: found.balanceMinor,
        currency: found.currency,
      });
      setCode("");
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-2">
      <label htmlFor="gift-card-code" className="block font-semibold">
        {words.label}
      </label>
      <div className="flex gap-2">
        <input
          id="gift-card-code"
          data-testid="gift-card-code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              void apply();
            }
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={64}
          placeholder="GC-XXXX-XXXX-XXXX-XXXX"
          className={`min-w-0 flex-1 rounded-lg px-3 font-mono uppercase ring-1 ring-inset ring-slate-300 focus:outline-none focus:ring-2 focus:ring-sky-600 ${big ? "min-h-14 text-xl" : "min-h-11"}`}
        />
        <Button
          variant="secondary"
          size={big ? "lg" : "md"}
          busy={busy}
          onClick={() => void apply()}
          data-testid="gift-card-apply"
        >
          {words.apply}
        </Button>
      </div>
      {error && <ErrorMessage message={error} locale={locale} />}
    </div>
  );
}
