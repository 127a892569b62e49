"use client";

import { useTranslations } from "next-intl";

import { errorCode, useErrorMessage } from "@omni/ui/trpc";

/**
 * The shopper-facing words for a failed call: the kiosk's sentence for a wrong code and a network
 * failure, and otherwise the refusal worded from the catalogue (useErrorMessage).
 */
export function useFriendlyError() {
  const t = useTranslations("errors");
  const errorMessage = useErrorMessage();
  return (error: unknown, context: "code" | "order" | "general" = "general") => {
    const code = errorCode(error);
    if (code === "TOO_MANY_REQUESTS") return t("tooMany");
    if (code === "NOT_FOUND" && context === "code") return t("codeNotFound");
    if (code === "NOT_FOUND" && context === "order") return t("orderNotFound");
    if (!code) return t("network");
    return errorMessage(error);
  };
}
