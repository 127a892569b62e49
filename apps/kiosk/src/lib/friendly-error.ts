"use client";

import { useTranslations } from "next-intl";

import { errorCode, errorMessage } from "@omni/ui/trpc";

/**
 * The shopper-facing words for a failed call: the translated sentence for the common cases (wrong
 * code, too many tries, not signed in), and the server's own message otherwise.
 */
export function useFriendlyError() {
  const t = useTranslations("errors");
  return (error: unknown, context: "code" | "order" | "general" = "general") => {
    const code = errorCode(error);
    if (code === "TOO_MANY_REQUESTS") return t("tooMany");
    if (code === "NOT_FOUND" && context === "code") return t("codeNotFound");
    if (code === "NOT_FOUND" && context === "order") return t("orderNotFound");
    if (!code) return t("network");
    return errorMessage(error);
  };
}
