import type { InputHTMLAttributes } from "react";

import { Field, fieldAria, type FieldText } from "./field";

/** A labelled input with an optional hint and error. */
export function TextField({
  label,
  hint,
  error,
  id,
  className = "",
  ...rest
}: InputHTMLAttributes<HTMLInputElement> & FieldText) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className} labelClassName="text-slate-800">
      <input
        id={id}
        {...fieldAria(id, hint, error)}
        className="mt-1 min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base text-slate-900 focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-600"
        {...rest}
      />
    </Field>
  );
}
