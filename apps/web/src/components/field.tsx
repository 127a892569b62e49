import type { ReactNode } from "react";

/** What every labelled control in the shop takes besides its own attributes. */
export type FieldText = { label: string; hint?: string; error?: string; id: string };

/** The control's ties to its hint and its error, so a screen reader reads them with it and knows it is wrong. */
export function fieldAria(id: string, hint?: string, error?: string) {
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ");
  return { "aria-describedby": describedBy || undefined, "aria-invalid": error ? true : undefined };
}

/**
 * The frame of a labelled control (TextField, SelectField): the label, always visible (not a placeholder) and
 * bound to the control by its id, then the hint and the error under the control.
 */
export function Field({
  label,
  hint,
  error,
  id,
  className,
  labelClassName = "",
  children,
}: FieldText & { className: string; labelClassName?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={`block text-sm font-semibold ${labelClassName}`.trimEnd()}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
