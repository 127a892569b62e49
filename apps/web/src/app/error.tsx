"use client";

import { useErrorWords } from "@/components/error-words";

import { ErrorMessage } from "@omni/ui/error-message";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { words, locale } = useErrorWords();
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-bold">{words.title}</h1>
      <ErrorMessage message={error.message || words.generic} onRetry={reset} locale={locale} />
    </div>
  );
}
