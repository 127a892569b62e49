"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRef, useState, type ReactNode } from "react";

import { Button } from "@omni/ui/button";
import { applyKey, OnScreenKeyboard, type KeyboardLayout } from "@omni/ui/on-screen-keyboard";

export type TouchField = {
  name: string;
  label: string;
  kind?: "text" | "email" | "password" | "code";
  testId: string;
  optional?: boolean;
  maxLength?: number;
  /** The on-screen keyboard to show, when the kind's own does not fit (e.g. a case-sensitive token). */
  keyboard?: KeyboardLayout;
};

const layoutOf = (kind: TouchField["kind"]): KeyboardLayout =>
  kind === "email" ? "email" : kind === "code" ? "code" : "text";

/**
 * Labelled fields with one on-screen keyboard that types into whichever field was touched last;
 * a physical keyboard works as well. Enter moves to the next field, and submits from the last.
 */
export function TouchForm({
  fields,
  values,
  onChange,
  onSubmit,
  submitLabel,
  submitTestId,
  busy = false,
  blocked = false,
  children,
}: {
  fields: TouchField[];
  values: Record<string, string>;
  onChange: (name: string, value: string) => void;
  onSubmit: () => void;
  submitLabel: string;
  submitTestId: string;
  busy?: boolean;
  /** Something outside the fields is still missing (a store, a line to return…). */
  blocked?: boolean;
  children?: ReactNode;
}) {
  const locale = useLocale();
  const t = useTranslations("form");
  const [active, setActive] = useState(fields[0]?.name ?? "");
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});
  const activeField = fields.find((f) => f.name === active) ?? fields[0];
  const complete = !blocked && fields.every((f) => f.optional || (values[f.name] ?? "").trim() !== "");

  const focus = (name: string) => {
    setActive(name);
    inputs.current[name]?.focus();
  };
  const next = () => {
    const index = fields.findIndex((f) => f.name === activeField?.name);
    const following = fields[index + 1];
    if (following) focus(following.name);
    else if (complete && !busy) onSubmit();
  };

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        if (complete && !busy) onSubmit();
      }}
    >
      {fields.map((field) => (
        <label key={field.name} className="flex flex-col gap-2">
          <span className="text-2xl font-medium text-slate-700">
            {field.label}
            {field.optional && <span className="text-slate-500"> ({t("optional")})</span>}
          </span>
          <input
            ref={(el) => {
              inputs.current[field.name] = el;
            }}
            data-testid={field.testId}
            name={field.name}
            type={field.kind === "password" ? "password" : "text"}
            inputMode="none"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            maxLength={field.maxLength ?? 200}
            value={values[field.name] ?? ""}
            onFocus={() => setActive(field.name)}
            onChange={(e) =>
              onChange(field.name, field.kind === "code" ? e.target.value.toUpperCase() : e.target.value)
            }
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                next();
              }
            }}
            className={`min-h-20 rounded-2xl border-2 px-6 text-4xl outline-none ${
              activeField?.name === field.name ? "border-sky-600 ring-4 ring-sky-200" : "border-slate-300"
            } ${field.kind === "code" ? "font-mono uppercase tracking-widest" : ""}`}
          />
        </label>
      ))}
      {children}
      <Button
        type="submit"
        size="lg"
        busy={busy}
        disabled={!complete}
        data-testid={submitTestId}
        className="min-h-20! rounded-2xl! text-3xl!"
      >
        {submitLabel}
      </Button>
      {activeField && (
        <OnScreenKeyboard
          layout={activeField.keyboard ?? layoutOf(activeField.kind)}
          locale={locale}
          enterLabel={fields[fields.length - 1]?.name === activeField.name ? submitLabel : t("next")}
          onKey={(key) => {
            if (key.type === "enter") return next();
            onChange(activeField.name, applyKey(values[activeField.name] ?? "", key, activeField.maxLength ?? 200));
          }}
        />
      )}
    </form>
  );
}
