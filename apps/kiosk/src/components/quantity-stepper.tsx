"use client";

/** The round − and + of the kiosk: at least 64 px square, so a finger never misses (cart lines, returned units). */
export const stepperButton =
  "flex min-h-16 min-w-16 items-center justify-center rounded-2xl text-4xl font-bold ring-2 ring-inset ring-slate-300 active:bg-slate-100 disabled:text-slate-300";

/** A number between `min` and `max` changed by a tap on − or +, never a tiny native select. */
export function QuantityStepper({
  value,
  min = 0,
  max,
  onChange,
  lessLabel,
  moreLabel,
  disabled = false,
  testIdPrefix = "line",
}: {
  value: number;
  min?: number;
  max?: number;
  onChange: (value: number) => void;
  lessLabel: string;
  moreLabel: string;
  disabled?: boolean;
  testIdPrefix?: string;
}) {
  return (
    <div className="flex items-center gap-3">
      <button
        type="button"
        aria-label={lessLabel}
        data-testid={`${testIdPrefix}-less`}
        className={stepperButton}
        disabled={disabled || value <= min}
        onClick={() => onChange(value - 1)}
      >
        −
      </button>
      <span
        data-testid={`${testIdPrefix}-quantity`}
        aria-live="polite"
        className="w-14 text-center text-4xl font-semibold tabular-nums"
      >
        {value}
      </span>
      <button
        type="button"
        aria-label={moreLabel}
        data-testid={`${testIdPrefix}-more`}
        className={stepperButton}
        disabled={disabled || (max !== undefined && value >= max)}
        onClick={() => onChange(value + 1)}
      >
        +
      </button>
    </div>
  );
}
