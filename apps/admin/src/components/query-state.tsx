"use client";

import { useLocale } from "next-intl";

import { ErrorMessage } from "@omni/ui/error-message";
import { Spinner } from "@omni/ui/spinner";
import { useErrorMessage } from "@omni/ui/trpc";

/** Loading and failure of a query, in the shared look, with the server's own words. */
export function QueryState({
  query,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
}) {
  const errorMessage = useErrorMessage();
  const locale = useLocale();
  if (query.isError)
    return <ErrorMessage message={errorMessage(query.error)} onRetry={() => void query.refetch()} locale={locale} />;
  if (query.isPending) return <Spinner locale={locale} />;
  return null;
}
