import { pick } from "./labels";

/** A loading indicator that screen readers announce. */
export function Spinner({
  label,
  locale = "pl",
  className = "",
}: {
  label?: string;
  locale?: string;
  className?: string;
}) {
  const text = label ?? pick({ pl: "Ładowanie…", en: "Loading…" }, locale);
  return (
    <div role="status" data-testid="spinner" className={`flex items-center gap-3 py-6 text-slate-600 ${className}`}>
      <span aria-hidden className="h-5 w-5 animate-spin rounded-full border-2 border-slate-400 border-t-transparent" />
      <span>{text}</span>
    </div>
  );
}
