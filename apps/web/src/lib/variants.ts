/** Variant options as the picker needs them: which sizes and colours exist, and in which combinations. */
export type PickerVariant = { sku: string; options: { size?: string; colour?: string } };

export function optionValues(variants: PickerVariant[]) {
  const sizes = [...new Set(variants.map((v) => v.options.size).filter((s): s is string => !!s))];
  const colours = [...new Set(variants.map((v) => v.options.colour).filter((c): c is string => !!c))];
  return { sizes, colours };
}

export function findVariant<T extends PickerVariant>(
  variants: T[],
  choice: { size?: string; colour?: string },
): T | undefined {
  return variants.find(
    (v) => (v.options.size ?? undefined) === choice.size && (v.options.colour ?? undefined) === choice.colour,
  );
}

const letterSizes = ["XXS", "XS", "S", "M", "L", "XL", "XXL", "XXXL"];

/** Sizes as a shopper expects them: XS → XXL first, then numeric sizes ascending, then anything else. */
export function sortSizes(sizes: string[]): string[] {
  const rank = (size: string) => {
    const letter = letterSizes.indexOf(size.toUpperCase());
    if (letter >= 0) return letter;
    const n = Number.parseFloat(size);
    return Number.isFinite(n) ? 100 + n : 10_000;
  };
  return [...sizes].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
