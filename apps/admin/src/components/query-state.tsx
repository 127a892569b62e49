"use client";

import { TRPCClientError } from "@trpc/client";
import { useLocale } from "next-intl";
import Link from "next/link";

import { ErrorMessage } from "@omni/ui/error-message";
import { Spinner } from "@omni/ui/spinner";
import { useErrorMessage } from "@omni/ui/trpc";

const notFound = (error: unknown) =>
  error instanceof TRPCClientError && (error.data as { code?: string } | undefined)?.code === "NOT_FOUND";

/**
 * Loading and failure of a query, in the shared look, with the server's own words. Something that does not
 * exist is not offered a retry (it would fail again) but the way back to its list, when the page gives one.
 */
export function QueryState({
  query,
  back,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  back?: { href: string; label: string };
}) {
  const errorMessage = useErrorMessage();
  const locale = useLocale();
  if (query.isError && notFound(query.error))
    return (
      <div className="space-y-3">
        <ErrorMessage message={errorMessage(query.error)} locale={locale} />
        {back && (
          <Link href={back.href} className="font-semibold text-sky-800 underline" data-testid="not-found-back">
            {back.label}
          </Link>
        )}
      </div>
    );
  if (query.isError)
    return <ErrorMessage message={errorMessage(query.error)} onRetry={() => void query.refetch()} locale={locale} />;
  if (query.isPending) return <Spinner locale={locale} />;
  return null;
}
