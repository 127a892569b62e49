"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import superjson from "superjson";

import type { AppRouter } from "@omni/api";

import { wordsForCode } from "./error-words";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** What the API's error formatter puts beside a failed call (packages/api/src/trpc.ts). */
type ErrorData = {
  code?: string;
  httpStatus?: number;
  zodError?: { fieldErrors?: Record<string, string[]>; formErrors?: string[] } | null;
  /** A business refusal's key in the apps' `domainErrors` catalogue, and its parameters. */
  reason?: string;
  params?: Record<string, string | number>;
};

const errorData = (error: unknown): ErrorData | undefined =>
  error instanceof TRPCClientError ? (error.data as ErrorData | undefined) : undefined;

/** The message of a failed call, in the words the server chose for the shopper or clerk. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const zod = errorData(error)?.zodError;
    const first = zod?.formErrors?.[0] ?? Object.values(zod?.fieldErrors ?? {}).flat()[0];
    return first ?? error.message;
  }
  return error instanceof Error ? error.message : "Something went wrong.";
}

export function errorCode(error: unknown): string | undefined {
  return errorData(error)?.code;
}

/**
 * The words for a failed call in the reader's language, from the app's `domainErrors` catalogue: the
 * refusal's own sentence when the server named its reason (every domain refusal does), else one per
 * kind of failure. The server's English sentence never reaches the screen.
 */
export function useErrorMessage() {
  const t = useTranslations("domainErrors");
  return (error: unknown): string => {
    const data = errorData(error);
    if (data?.reason && t.has(data.reason)) return t(data.reason, data.params);
    if (error instanceof TRPCClientError && !data) return t("network");
    return t(wordsForCode(data?.code));
  };
}

/** React Query and the tRPC client for one app; `onUnauthorized` lets the kiosk lock itself when revoked. */
export function ApiProvider({ children, onError }: { children: ReactNode; onError?: (error: unknown) => void }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            staleTime: 5_000,
            retry: (count, error) => count < 2 && !((errorData(error)?.httpStatus ?? 500) < 500),
          },
          mutations: { onError },
        },
      }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", transformer: superjson })] }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
