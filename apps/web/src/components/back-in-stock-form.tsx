"use client";

import { stockAlertAction } from "@/app/actions/shop";
import { translator } from "@/lib/words";
import { useState } from "react";

import { ONLINE_LOCATION } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";

import type { BackInStockProps } from "./back-in-stock";
import { useAction } from "./error-words";
import { SelectField } from "./select-field";
import { TextField } from "./text-field";

/** The form of "tell me when it is back", loaded when the shopper first opens it (see back-in-stock.tsx). */
export function BackInStockForm({ variants, stores, defaultEmail, words, locale }: BackInStockProps) {
  const t = translator(words);
  const call = useAction();
  const [sku, setSku] = useState(variants[0]?.sku ?? "");
  const [storeId, setStoreId] = useState<string>(ONLINE_LOCATION);
  const [email, setEmail] = useState(defaultEmail);
  const [state, setState] = useState<{ busy: boolean; saved: boolean; error: string | null }>({
    busy: false,
    saved: false,
    error: null,
  });
  return state.saved ? (
    <p role="status" data-testid="back-in-stock-saved" className="mt-2 text-emerald-800">
      {t("notifySaved")}
    </p>
  ) : (
    <form
      className="mt-2 space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        setState({ busy: true, saved: false, error: null });
        void call(stockAlertAction({ sku, storeId, email, locale: locale === "pl" ? "pl" : "en" })).then((answer) =>
          setState({ busy: false, saved: answer.ok, error: answer.ok ? null : answer.message }),
        );
      }}
    >
      <SelectField id="alert-variant" label={t("variant")} value={sku} onChange={(e) => setSku(e.target.value)}>
        {variants.map((v) => (
          <option key={v.sku} value={v.sku}>
            {v.title}
          </option>
        ))}
      </SelectField>
      <SelectField id="alert-where" label={t("where")} value={storeId} onChange={(e) => setStoreId(e.target.value)}>
        <option value={ONLINE_LOCATION}>{t("homeDelivery")}</option>
        {stores.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id="alert-email"
        type="email"
        required
        label={t("email")}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
      />
      {state.error && <ErrorMessage message={state.error} locale={locale} />}
      <Button type="submit" busy={state.busy}>
        {t("notifySubmit")}
      </Button>
    </form>
  );
}
