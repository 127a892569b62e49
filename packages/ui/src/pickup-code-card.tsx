import { pick } from "./labels";
import { OpeningHoursList, type OpeningHours } from "./opening-hours";
import { QrCode } from "./qr-code";

/** "AB7K9Q2M" → "AB7K 9Q2M": short groups are easier to read out at a counter. */
export function groupCode(code: string, size = code.length % 3 === 0 && code.length <= 9 ? 3 : 4): string[] {
  const clean = code.replace(/\s+/g, "");
  const groups: string[] = [];
  for (let i = 0; i < clean.length; i += size) groups.push(clean.slice(i, i + size));
  return groups;
}

export type PickupStore = {
  name: string;
  address?: string;
  postalCode?: string;
  city?: string;
  openingHours?: OpeningHours | null;
  pickupPoint?: string;
};

/**
 * A pickup, reservation or handoff code: big grouped characters, its QR code, and where and when
 * to use it.
 */
export function PickupCodeCard({
  code,
  store,
  locale = "pl",
  title,
  note,
  testId = "pickup-code",
}: {
  code: string;
  store?: PickupStore | null;
  locale?: string;
  title?: string;
  note?: string;
  testId?: string;
}) {
  const t = pick(
    {
      pl: {
        title: "Kod odbioru",
        qr: "Kod QR",
        where: "Gdzie odebrać",
        hours: "Godziny otwarcia",
        point: "Punkt odbioru",
      },
      en: {
        title: "Pickup code",
        qr: "QR code",
        where: "Where to collect",
        hours: "Opening hours",
        point: "Pickup point",
      },
    },
    locale,
  );
  const heading = title ?? t.title;
  return (
    <section
      data-testid="pickup-code-card"
      aria-label={heading}
      className="rounded-2xl border-2 border-slate-900 bg-white p-4 sm:p-6"
    >
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{heading}</h2>
      <div className="mt-3 flex flex-col items-center gap-4 sm:flex-row sm:items-center sm:justify-between">
        <p
          data-testid={testId}
          data-code={code}
          aria-label={`${heading}: ${code.split("").join(" ")}`}
          className="flex flex-wrap justify-center gap-3 font-mono text-4xl font-bold tracking-[0.15em] text-slate-900"
        >
          {groupCode(code).map((group, i) => (
            <span key={i}>{group}</span>
          ))}
        </p>
        <QrCode value={code} size={160} label={`${t.qr}: ${code}`} />
      </div>
      {note && <p className="mt-3 text-slate-700">{note}</p>}
      {store && (
        <div className="mt-4 grid gap-4 border-t border-slate-200 pt-4 sm:grid-cols-2">
          <div>
            <h3 className="text-sm font-semibold text-slate-600">{t.where}</h3>
            <p data-testid="pickup-store" className="font-semibold">
              {store.name}
            </p>
            {store.address && <p className="text-slate-700">{store.address}</p>}
            {(store.postalCode || store.city) && (
              <p className="text-slate-700">{[store.postalCode, store.city].filter(Boolean).join(" ")}</p>
            )}
            {store.pickupPoint && (
              <p className="mt-1 text-sm text-slate-600">
                {t.point}: {store.pickupPoint}
              </p>
            )}
          </div>
          {store.openingHours !== undefined && (
            <div>
              <h3 className="text-sm font-semibold text-slate-600">{t.hours}</h3>
              <OpeningHoursList hours={store.openingHours} locale={locale} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
