"use client";

import { useContract } from "@/lib/contract";
import { signInWithPassword, signInWithQrToken } from "@/server/actions";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { fromScan, INPUT_LIMITS } from "@omni/core";

import { ChoiceRow } from "./choice-row";
import { CodeEntry } from "./code-entry";
import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { Screen } from "./screen";
import { TouchForm } from "./touch-form";

/** A shopper signs in at the kiosk: the QR code from the shop's account page, or e-mail and password. */
export function SignInScreen() {
  const t = useTranslations("signIn");
  const router = useRouter();
  const contract = useContract();
  const { cartId, setCartId } = useKiosk();
  const [how, setHow] = useState<"qr" | "password">("qr");
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const finish = async (attempt: Promise<{ ok: boolean; error?: string }>) => {
    setBusy(true);
    setError(null);
    // The shopper is told it did not work; the console keeps why (a network failure, say).
    const outcome = await attempt.catch((error: unknown) => {
      console.error("kiosk: sign-in request failed", error);
      return { ok: false, error: "failed" };
    });
    setBusy(false);
    if (outcome.ok) {
      // The shopper's account cart comes along (the cart they filled on their phone), with anything
      // they put in the kiosk's guest cart merged into it.
      // Signing in still counts when the carts cannot be merged: the shopper keeps this kiosk's cart.
      const merged = await contract.cart.create.mutate(cartId ? { cartId } : null).catch((error: unknown) => {
        console.error("kiosk: bringing the account cart along failed", error);
        return null;
      });
      if (merged) setCartId(merged.cartId);
      router.push("/browse");
      router.refresh();
    } else setError(outcome.error === "invalid" ? (how === "qr" ? t("qrInvalid") : t("passwordInvalid")) : t("failed"));
  };
  const problem = error && <KioskError testId="signin-error" message={error} />;

  return (
    <Screen title={t("title")} help={t("help")} testId="sign-in-screen">
      <ChoiceRow
        label={t("how")}
        value={how}
        onChange={(next) => {
          setHow(next);
          setError(null);
        }}
        testIdPrefix="signin-with"
        options={[
          { value: "qr", label: t("withQr"), help: t("withQrHelp") },
          { value: "password", label: t("withPassword") },
        ]}
      />
      {how === "qr" ? (
        <CodeEntry
          label={t("qrCode")}
          testId="signin-qr-input"
          submitLabel={t("submit")}
          submitTestId="signin-qr-submit"
          busy={busy}
          parse={(text) => fromScan(text, "token", "code")}
          caseSensitive
          onSubmit={(token) => token && void finish(signInWithQrToken(token))}
        >
          {problem}
        </CodeEntry>
      ) : (
        <TouchForm
          fields={[
            { name: "email", label: t("email"), kind: "email", testId: "signin-email", maxLength: INPUT_LIMITS.email },
            { name: "password", label: t("password"), kind: "password", testId: "signin-password", keyboard: "email" },
          ]}
          values={values}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
          onSubmit={() => void finish(signInWithPassword(values.email ?? "", values.password ?? ""))}
          submitLabel={t("submit")}
          submitTestId="signin-submit"
          busy={busy}
        >
          {problem}
        </TouchForm>
      )}
    </Screen>
  );
}
