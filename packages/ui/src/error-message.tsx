import { pick } from "./labels";

/** A failure in words, announced to screen readers; `onRetry` adds a retry button. */
export function ErrorMessage({
  message,
  onRetry,
  locale = "pl",
}: {
  message: string;
  onRetry?: () => void;
  locale?: string;
}) {
  return (
    <div
      role="alert"
      data-testid="error-message"
      className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-800"
    >
      <p>{message}</p>
      {onRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-2 font-semibold underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
        >
          {pick({ pl: "Spróbuj ponownie", en: "Try again" }, locale)}
        </button>
      )}
    </div>
  );
}
