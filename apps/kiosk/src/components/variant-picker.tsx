"use client";

import { useTranslations } from "next-intl";

export type Variant = { sku: string; title: string; options: unknown };

const optionsOf = (v: Variant): Record<string, string> =>
  v.options && typeof v.options === "object"
    ? Object.fromEntries(Object.entries(v.options).filter((e): e is [string, string] => typeof e[1] === "string"))
    : {};

/**
 * Colour and size as rows of big buttons. Choosing a value keeps the other choices when such a
 * variant exists, otherwise jumps to the first variant with that value.
 */
export function VariantPicker({
  variants,
  selected,
  onSelect,
}: {
  variants: Variant[];
  selected: string;
  onSelect: (sku: string) => void;
}) {
  const t = useTranslations("product");
  const current = variants.find((v) => v.sku === selected) ?? variants[0];
  const names = [...new Set(variants.flatMap((v) => Object.keys(optionsOf(v))))].sort((a, b) =>
    a === "colour" ? -1 : b === "colour" ? 1 : 0,
  );
  if (variants.length <= 1 && names.length === 0) return null;
  if (names.length === 0) {
    return (
      <div className="flex flex-wrap gap-3">
        {variants.map((v) => (
          <Choice
            key={v.sku}
            testId={`variant-${v.sku}`}
            pressed={v.sku === selected}
            onClick={() => onSelect(v.sku)}
            label={v.title}
          />
        ))}
      </div>
    );
  }
  const chosen = current ? optionsOf(current) : {};
  return (
    <div className="flex flex-col gap-6" data-testid="variant-picker" data-sku={selected}>
      {names.map((name) => {
        const values = [...new Set(variants.map((v) => optionsOf(v)[name]).filter((x): x is string => !!x))];
        return (
          <fieldset key={name} className="flex flex-col gap-3">
            <legend className="mb-3 text-2xl font-semibold text-slate-700">
              {t(`option.${name === "colour" || name === "size" ? name : "other"}`, { name })}
            </legend>
            <div className="flex flex-wrap gap-3">
              {values.map((value) => {
                const wanted = { ...chosen, [name]: value };
                const exact = variants.find((v) => Object.entries(wanted).every(([k, x]) => optionsOf(v)[k] === x));
                const fallback = variants.find((v) => optionsOf(v)[name] === value);
                return (
                  <Choice
                    key={value}
                    testId={`option-${name}-${value}`}
                    pressed={chosen[name] === value}
                    dim={!exact}
                    onClick={() => onSelect((exact ?? fallback)!.sku)}
                    label={value}
                  />
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

function Choice({
  testId,
  pressed,
  dim = false,
  onClick,
  label,
}: {
  testId: string;
  pressed: boolean;
  dim?: boolean;
  onClick: () => void;
  label: string;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      aria-pressed={pressed}
      onClick={onClick}
      className={`min-h-20 min-w-20 rounded-2xl px-6 text-3xl font-semibold ring-2 ring-inset ${
        pressed
          ? "bg-slate-900 text-white ring-slate-900"
          : `bg-white ring-slate-300 active:bg-slate-100 ${dim ? "text-slate-400" : ""}`
      }`}
    >
      {label}
    </button>
  );
}
