"use client";

import { useTranslations } from "next-intl";

export type Variant = {
  sku: string;
  title: string;
  options: unknown;
  /** The option values in the shopper's language (the values in `options` are the keys). */
  optionLabels?: { size?: string; colour?: string };
};
export type Choice = Record<string, string | undefined>;

export const optionsOf = (v: Variant): Record<string, string> =>
  v.options && typeof v.options === "object"
    ? Object.fromEntries(Object.entries(v.options).filter((e): e is [string, string] => typeof e[1] === "string"))
    : {};

/** The option names of a product, colour first (it picks the picture). */
export const optionNames = (variants: Variant[]) =>
  [...new Set(variants.flatMap((v) => Object.keys(optionsOf(v))))].sort((a, b) =>
    a === "colour" ? -1 : b === "colour" ? 1 : 0,
  );

/** The variant of a complete choice (every option picked), or undefined while something is still to pick. */
export function variantOf<T extends Variant>(variants: T[], choice: Choice): T | undefined {
  const names = optionNames(variants);
  if (!names.length) return variants.length === 1 ? variants[0] : variants.find((v) => v.sku === choice.sku);
  if (names.some((n) => !choice[n])) return undefined;
  return variants.find((v) => names.every((n) => optionsOf(v)[n] === choice[n]));
}

/**
 * Colour and size as rows of big buttons. Nothing is picked for the shopper but the colour shown first and an option
 * with a single value; a size this store has sold out is crossed out (it can still be ordered for delivery or another
 * store), and a size this colour lacks is dimmed.
 */
export function VariantPicker({
  variants,
  choice,
  onChoose,
  soldOutHere,
}: {
  variants: Variant[];
  choice: Choice;
  onChoose: (choice: Choice) => void;
  /** Whether this store has none of a variant. */
  soldOutHere: (sku: string) => boolean;
}) {
  const t = useTranslations("product");
  const names = optionNames(variants);
  const chosen = variantOf(variants, choice);
  if (variants.length <= 1 && names.length === 0) return null;
  if (names.length === 0) {
    return (
      <div className="flex flex-wrap gap-3" data-testid="variant-picker" data-sku={chosen?.sku ?? ""}>
        {variants.map((v) => (
          <ChoiceButton
            key={v.sku}
            testId={`variant-${v.sku}`}
            pressed={v.sku === chosen?.sku}
            soldOut={soldOutHere(v.sku)}
            soldOutLabel={t("soldOutHere")}
            onClick={() => onChoose({ sku: v.sku })}
            label={v.title}
          />
        ))}
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6" data-testid="variant-picker" data-sku={chosen?.sku ?? ""}>
      {names.map((name) => {
        const values = [...new Set(variants.map((v) => optionsOf(v)[name]).filter((x): x is string => !!x))];
        const label = (value: string) =>
          (name === "colour" || name === "size"
            ? variants.find((v) => optionsOf(v)[name] === value)?.optionLabels?.[name]
            : undefined) ?? value;
        return (
          <fieldset key={name} className="flex flex-col gap-3">
            <legend className="mb-3 text-2xl font-semibold text-slate-700">
              {t(`option.${name === "colour" || name === "size" ? name : "other"}`, { name })}
            </legend>
            <div className="flex flex-wrap gap-3">
              {values.map((value) => {
                const wanted = { ...choice, [name]: value };
                const exact = variants.find((v) => names.every((n) => !wanted[n] || optionsOf(v)[n] === wanted[n]));
                const complete = variantOf(variants, wanted);
                return (
                  <ChoiceButton
                    key={value}
                    testId={`option-${name}-${value}`}
                    pressed={choice[name] === value}
                    dim={!exact}
                    soldOut={name !== "colour" && !!complete && soldOutHere(complete.sku)}
                    soldOutLabel={t("soldOutHere")}
                    onClick={() =>
                      onChoose(
                        exact
                          ? wanted
                          : name === "colour"
                            ? { colour: value }
                            : // A size this colour lacks: the first colour that has it.
                              { ...optionsOf(variants.find((v) => optionsOf(v)[name] === value)!) },
                      )
                    }
                    label={label(value)}
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

function ChoiceButton({
  testId,
  pressed,
  dim = false,
  soldOut = false,
  soldOutLabel,
  onClick,
  label,
}: {
  testId: string;
  pressed: boolean;
  dim?: boolean;
  soldOut?: boolean;
  soldOutLabel: string;
  onClick: () => void;
  label: string;
}) {
  return (
    <button
      type="button"
      data-testid={testId}
      data-sold-out={soldOut || undefined}
      aria-pressed={pressed}
      onClick={onClick}
      className={`flex min-h-20 min-w-20 flex-col items-center justify-center rounded-2xl px-6 text-3xl font-semibold ring-2 ring-inset ${
        pressed
          ? "bg-slate-900 text-white ring-slate-900"
          : `bg-white ring-slate-300 active:bg-slate-100 ${dim ? "text-slate-400" : ""}`
      }`}
    >
      <span className={soldOut ? "line-through decoration-2" : ""}>{label}</span>
      {soldOut && <span className="text-base font-normal">{soldOutLabel}</span>}
    </button>
  );
}
