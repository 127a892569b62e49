export type StockLabels = { inStock: (n: number) => string; low: (n: number) => string; out: string };

const defaultLabels: Record<string, StockLabels> = {
  pl: { inStock: (n) => `Dostępne: ${n}`, low: (n) => `Zostało tylko ${n}`, out: "Brak" },
  en: { inStock: (n) => `${n} in stock`, low: (n) => `Only ${n} left`, out: "Out of stock" },
};

/** Available units as a coloured badge: green, amber when 1–3 remain, grey when none. */
export function StockBadge({
  available,
  locale = "pl",
  size = "md",
}: {
  available: number;
  locale?: string;
  size?: "md" | "lg";
}) {
  const labels = defaultLabels[locale] ?? defaultLabels.pl!;
  const tone =
    available <= 0
      ? "bg-slate-100 text-slate-600 ring-slate-300"
      : available <= 3
        ? "bg-amber-50 text-amber-800 ring-amber-300"
        : "bg-emerald-50 text-emerald-800 ring-emerald-300";
  const text = available <= 0 ? labels.out : available <= 3 ? labels.low(available) : labels.inStock(available);
  return (
    <span
      data-testid="stock-badge"
      data-available={available}
      className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 font-medium ring-1 ring-inset ${tone} ${size === "lg" ? "text-lg px-4 py-1" : "text-sm"}`}
    >
      <span
        aria-hidden
        className={`h-2 w-2 rounded-full ${available <= 0 ? "bg-slate-400" : available <= 3 ? "bg-amber-500" : "bg-emerald-500"}`}
      />
      {text}
    </span>
  );
}
