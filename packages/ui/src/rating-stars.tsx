/** The words of a rating, in the shop's two languages, so every app reads it out the same. */
const words: Record<string, { of: (average: string, count: number) => string; none: string }> = {
  pl: {
    of: (average, count) =>
      `Ocena ${average} na 5 (${count} ${count === 1 ? "opinia" : count % 10 >= 2 && count % 10 <= 4 && (count % 100 < 10 || count % 100 >= 20) ? "opinie" : "opinii"})`,
    none: "Brak opinii",
  },
  en: {
    of: (average, count) => `Rated ${average} out of 5 (${count} ${count === 1 ? "review" : "reviews"})`,
    none: "No reviews yet",
  },
};

export type Rating = { average: number | null; count: number };

/** The average of verified buyers' ratings as five stars and a count; nothing but a note when there are none. */
export function RatingStars({
  rating,
  locale = "pl",
  size = "sm",
  showEmpty = false,
}: {
  rating: Rating;
  locale?: string;
  size?: "sm" | "lg";
  showEmpty?: boolean;
}) {
  const w = words[locale] ?? words.pl!;
  if (!rating.count || rating.average === null) {
    return showEmpty ? (
      <p
        data-testid="rating"
        data-count={0}
        className={size === "lg" ? "text-xl text-slate-500" : "text-sm text-slate-500"}
      >
        {w.none}
      </p>
    ) : null;
  }
  const average = rating.average.toLocaleString(locale === "pl" ? "pl-PL" : "en-GB", { maximumFractionDigits: 1 });
  const filled = Math.round(rating.average);
  return (
    <p
      data-testid="rating"
      data-average={rating.average}
      data-count={rating.count}
      className={`flex items-center gap-1.5 ${size === "lg" ? "text-2xl" : "text-sm"}`}
      aria-label={w.of(average, rating.count)}
      title={w.of(average, rating.count)}
    >
      <span aria-hidden="true" className="tracking-tight text-amber-500">
        {"★".repeat(filled)}
        <span className="text-slate-300">{"★".repeat(5 - filled)}</span>
      </span>
      <span aria-hidden="true" className="font-medium text-slate-800">
        {average}
      </span>
      <span aria-hidden="true" className="text-slate-600">
        ({rating.count})
      </span>
    </p>
  );
}
