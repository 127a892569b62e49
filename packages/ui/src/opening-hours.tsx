import { pick } from "./labels";

export type OpeningHours = Partial<
  Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", [string, string] | null>
>;

const days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const dayNames = {
  pl: { mon: "Pon", tue: "Wt", wed: "Śr", thu: "Czw", fri: "Pt", sat: "Sob", sun: "Nd" },
  en: { mon: "Mon", tue: "Tue", wed: "Wed", thu: "Thu", fri: "Fri", sat: "Sat", sun: "Sun" },
};

/** Consecutive days with the same hours folded into one line: "Pon–Pt 09:00–21:00". */
export function groupOpeningHours(hours: OpeningHours, locale?: string): { days: string; hours: string | null }[] {
  const names = pick(dayNames, locale);
  const groups: { from: (typeof days)[number]; to: (typeof days)[number]; hours: string | null }[] = [];
  for (const day of days) {
    const range = hours[day];
    const text = range ? `${range[0]}–${range[1]}` : null;
    const last = groups[groups.length - 1];
    if (last && last.hours === text) last.to = day;
    else groups.push({ from: day, to: day, hours: text });
  }
  return groups.map((g) => ({
    days: g.from === g.to ? names[g.from] : `${names[g.from]}–${names[g.to]}`,
    hours: g.hours,
  }));
}

/** A store's opening hours as a short table. */
export function OpeningHoursList({
  hours,
  locale = "pl",
}: {
  hours: OpeningHours | null | undefined;
  locale?: string;
}) {
  if (!hours)
    return (
      <p className="text-slate-600">
        {pick({ pl: "Godziny otwarcia niedostępne.", en: "Opening hours not available." }, locale)}
      </p>
    );
  return (
    <dl data-testid="opening-hours" className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-0.5 text-sm">
      {groupOpeningHours(hours, locale).map((g) => (
        <div key={g.days} className="contents">
          <dt className="font-medium text-slate-700">{g.days}</dt>
          <dd className="text-slate-900">{g.hours ?? pick({ pl: "zamknięte", en: "closed" }, locale)}</dd>
        </div>
      ))}
    </dl>
  );
}
