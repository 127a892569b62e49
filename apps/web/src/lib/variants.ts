/** Variant options as the picker needs them: which sizes and colours exist, and in which combinations. */
export type PickerVariant = { sku: string; options: { size?: string; colour?: string } };

export function optionValues(variants: PickerVariant[]) {
  const sizes = [...new Set(variants.map((v) => v.options.size).filter((s): s is string => !!s))];
  const colours = [...new Set(variants.map((v) => v.options.colour).filter((c): c is string => !!c))];
  return { sizes, colours };
}

export function findVariant<T extends PickerVariant>(variants: T[], choice: { size?: string; colour?: string }): T | undefined {
  return variants.find((v) => (v.options.size ?? undefined) === choice.size && (v.options.colour ?? undefined) === choice.colour);
}
