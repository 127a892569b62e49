import { formatMoney } from "@omni/core";

import { QrCode } from "./qr-code";

/**
 * A gift card just sold, as the buyer or the clerk sees it once: the code and its QR (what the kiosk
 * and the counter scan), the amount and where the code was e-mailed. Printing this shows only the card.
 */
export function GiftCardIssued({
  card,
  locale,
  words,
}: {
  card: { code: string; balanceMinor: number; currency: string; sentTo: string | null };
  locale: string;
  words: { title: string; code: string; sentTo: (email: string) => string; notSent: string };
}) {
  return (
    <section
      className="mx-auto flex max-w-sm flex-col items-center gap-3 rounded-2xl bg-white p-6 text-center shadow ring-1 ring-slate-200 print:shadow-none print:ring-0"
      data-testid="gift-card-issued"
      data-code={card.code}
    >
      <h2 className="text-xl font-bold">{words.title}</h2>
      <p className="text-3xl font-black" data-testid="gift-card-amount">
        {formatMoney(card.balanceMinor, card.currency, locale)}
      </p>
      <QrCode value={card.code} size={220} label={words.code} />
      <p className="text-sm text-slate-600">{words.code}</p>
      <p className="font-mono text-lg font-bold tracking-wider" data-testid="gift-card-code-value">
        {card.code}
      </p>
      <p className="text-sm text-slate-700 print:hidden">{card.sentTo ? words.sentTo(card.sentTo) : words.notSent}</p>
    </section>
  );
}
