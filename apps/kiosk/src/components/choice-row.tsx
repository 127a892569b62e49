"use client";

/** A row of big mutually exclusive choices (fulfilment, payment, reason…). */
export function ChoiceRow<T extends string>({
  options,
  value,
  onChange,
  label,
  testIdPrefix,
  columns = 2,
}: {
  options: { value: T; label: string; help?: string }[];
  value: T | null;
  onChange: (value: T) => void;
  label: string;
  testIdPrefix: string;
  columns?: 1 | 2 | 3;
}) {
  const grid = { 1: "grid-cols-1", 2: "grid-cols-2", 3: "grid-cols-3" }[columns];
  return (
    <fieldset className="flex flex-col gap-4">
      <legend className="mb-4 text-3xl font-semibold">{label}</legend>
      <div className={`grid gap-4 ${grid}`}>
        {options.map((o) => (
          <button
            key={o.value}
            type="button"
            data-testid={`${testIdPrefix}-${o.value}`}
            aria-pressed={value === o.value}
            onClick={() => onChange(o.value)}
            className={`flex min-h-24 flex-col items-start justify-center rounded-2xl px-6 py-4 text-left ring-2 ring-inset ${
              value === o.value
                ? "bg-slate-900 text-white ring-slate-900"
                : "bg-white ring-slate-300 active:bg-slate-100"
            }`}
          >
            <span className="text-3xl font-semibold">{o.label}</span>
            {o.help && (
              <span className={`mt-1 text-xl ${value === o.value ? "text-slate-200" : "text-slate-600"}`}>
                {o.help}
              </span>
            )}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
