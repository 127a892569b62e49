"use client";

import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { useCart } from "./cart-context";
import { TextField } from "./text-field";

/** Enter a cart code shown on another device (or the kiosk) to continue that cart here. */
export function HandoffForm({ initialCode }: { initialCode: string }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("handoff");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const cart = useCart();
  const [code, setCode] = useState(initialCode);
  const resume = useMutation(trpc.cart.resume.mutationOptions());
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        resume.mutate(
          { code: code.trim() },
          {
            onSuccess: ({ cartId }) => {
              cart.useCartId(cartId);
              router.push("/cart");
            },
          },
        );
      }}
    >
      <TextField
        id="handoff-code-input"
        data-testid="handoff-input"
        label={t("code")}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        required
        autoCapitalize="characters"
        autoComplete="off"
        className="font-mono"
      />
      {resume.error && <ErrorMessage message={errorMessage(resume.error)} locale={locale} />}
      <Button type="submit" data-testid="handoff-submit" busy={resume.isPending} className="w-full">
        {t("submit")}
      </Button>
    </form>
  );
}
