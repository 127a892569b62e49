import type { SelectHTMLAttributes } from "react";

import { Field, fieldAria, type FieldText } from "./field";

/**
 * A labelled select with an optional hint and error; the options are its children. It fills its row unless
 * `fit`, for a short choice such as a quantity that would look lost across the whole form.
 */
export function SelectField({
  label,
  hint,
  error,
  id,
  className = "",
  fit = false,
  ...rest
}: SelectHTMLAttributes<HTMLSelectElement> & FieldText & { fit?: boolean }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={className}>
      <select
        id={id}
        {...fieldAria(id, hint, error)}
        className={`mt-1 min-h-11 ${fit ? "" : "w-full "}rounded-lg border border-slate-300 bg-white px-3`}
        {...rest}
      />
    </Field>
  );
}
