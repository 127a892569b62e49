"use client";

import { useLocale } from "next-intl";

import { ErrorMessage } from "@omni/ui/error-message";

/** The shared error message, at a size that can be read from a step away. */
export function KioskError({ message, onRetry, testId }: { message: string; onRetry?: () => void; testId?: string }) {
  const locale = useLocale();
  return (
    <div data-testid={testId} className="text-2xl [&_button]:min-h-16 [&_button]:text-2xl">
      <ErrorMessage message={message} onRetry={onRetry} locale={locale} />
    </div>
  );
}
