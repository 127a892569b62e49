import { channelLabel } from "./channel";
import { EmptyState } from "./empty-state";
import { formatDateTime, humanize, pick } from "./labels";
import { QrCode } from "./qr-code";

/** A member's points as every app shows them: the card, the balance, the tier and the history. */
export type LoyaltySummary = {
  points: number;
  pending: number;
  tier: string;
  nextTier: { name: string; pointsToGo: number } | null;
  card: string;
  events: LoyaltyEvent[];
};
export type LoyaltyEvent = {
  type: string;
  points: number;
  orderNumber?: string;
  channel?: string;
  reason?: string;
  at: string | Date;
};

const words = {
  pl: {
    card: "Karta członkowska",
    cardHint: "Pokaż ten kod przy kasie lub zeskanuj go w kiosku, aby zbierać i wydawać punkty.",
    points: "Punkty",
    pending: "w drodze",
    tier: "Poziom",
    toNext: (n: number, tier: string) => `Jeszcze ${n} pkt do poziomu ${tier}`,
    history: "Historia punktów",
    empty: "Jeszcze nie masz punktów. Zbieraj je przy każdym zakupie: w sklepie, w kiosku i online.",
    order: "Zamówienie",
    tiers: { member: "Klubowicz", silver: "Srebrny", gold: "Złoty" } as Record<string, string>,
    types: {
      earned: "Zdobyte",
      bonus: "Premia za nowy kanał",
      redeemed: "Wydane",
      restored: "Zwrócone",
      reversed: "Cofnięte (zwrot towaru)",
      adjusted: "Korekta",
      expired: "Wygasłe",
    } as Record<string, string>,
  },
  en: {
    card: "Member card",
    cardHint: "Show this code at the counter or scan it at a kiosk to earn and spend points.",
    points: "Points",
    pending: "pending",
    tier: "Tier",
    toNext: (n: number, tier: string) => `${n} points to ${tier}`,
    history: "Points history",
    empty: "No points yet. Earn them with every purchase: in store, at a kiosk and online.",
    order: "Order",
    tiers: { member: "Member", silver: "Silver", gold: "Gold" } as Record<string, string>,
    types: {
      earned: "Earned",
      bonus: "New channel bonus",
      redeemed: "Spent",
      restored: "Given back",
      reversed: "Taken back (return)",
      adjusted: "Adjustment",
      expired: "Expired",
    } as Record<string, string>,
  },
};

export const tierLabel = (tier: string, locale?: string) => pick(words, locale).tiers[tier] ?? humanize(tier);

/** Balance, pending points and tier, with the member card's QR code when `showCard`. */
export function LoyaltyCard({
  summary,
  locale,
  showCard = true,
}: {
  summary: LoyaltySummary;
  locale?: string;
  showCard?: boolean;
}) {
  const w = pick(words, locale);
  return (
    <section className="rounded-xl border border-slate-200 p-4" data-testid="loyalty-card">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{w.points}</h2>
          <p className="mt-1 text-3xl font-bold" data-testid="loyalty-points" data-points={summary.points}>
            {summary.points.toLocaleString(locale === "en" ? "en-GB" : "pl-PL")}
          </p>
          {summary.pending > 0 && (
            <p className="text-sm text-slate-600" data-testid="loyalty-pending">
              +{summary.pending} {w.pending}
            </p>
          )}
          <p className="mt-2 text-sm">
            {w.tier}:{" "}
            <strong data-testid="loyalty-tier" data-tier={summary.tier}>
              {tierLabel(summary.tier, locale)}
            </strong>
          </p>
          {summary.nextTier && (
            <p className="text-sm text-slate-600">
              {w.toNext(summary.nextTier.pointsToGo, tierLabel(summary.nextTier.name, locale))}
            </p>
          )}
        </div>
        {showCard && (
          <div className="flex flex-col items-center gap-1" data-testid="member-card" data-card={summary.card}>
            <QrCode value={summary.card} size={160} label={w.card} />
            <p className="text-xs font-semibold text-slate-700">{w.card}</p>
          </div>
        )}
      </div>
      {showCard && <p className="mt-3 text-sm text-slate-600">{w.cardHint}</p>}
    </section>
  );
}

/** The ledger, newest first: what each entry did, with the order and channel behind it. */
export function LoyaltyHistory({
  events,
  locale,
  orderHref,
}: {
  events: LoyaltyEvent[];
  locale?: string;
  orderHref?: (orderNumber: string) => string;
}) {
  const w = pick(words, locale);
  return (
    <section className="space-y-2" data-testid="loyalty-history">
      <h2 className="text-xl font-bold">{w.history}</h2>
      {events.length === 0 ? (
        <EmptyState title={w.empty} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {events.map((e, i) => {
            const type = e.type === "adjusted" && e.reason === "expired" ? "expired" : e.type;
            return (
              <li
                key={i}
                className="flex items-center justify-between gap-3 p-3"
                data-testid="loyalty-event"
                data-type={type}
              >
                <div className="min-w-0">
                  <p className="font-semibold">{w.types[type] ?? humanize(type)}</p>
                  <p className="text-sm text-slate-600">
                    {formatDateTime(e.at, locale)}
                    {e.channel ? ` · ${channelLabel(e.channel, locale)}` : ""}
                    {e.orderNumber ? " · " : ""}
                    {e.orderNumber &&
                      (orderHref ? (
                        <a className="font-mono underline" href={orderHref(e.orderNumber)}>
                          {e.orderNumber}
                        </a>
                      ) : (
                        <span className="font-mono">{e.orderNumber}</span>
                      ))}
                    {type === "adjusted" && e.reason ? ` · ${e.reason}` : ""}
                  </p>
                </div>
                <span className={`font-bold ${e.points > 0 ? "text-emerald-700" : "text-slate-700"}`}>
                  {e.points > 0 ? `+${e.points}` : e.points}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
