import { formatDateTime, humanize, pick } from "./labels";
import { lineTitleIn } from "./line-title";

export type EligibilityLine = {
  lineId: string;
  sku: string;
  returnableQuantity: number;
  reason?: string | null;
  /** The server's reason as a code (final_sale, window_passed, …), shown in the shopper's language. */
  reasonCode?: string | null;
  /** Optional extras for a friendlier list. */
  title?: string;
  titlePl?: string | null;
  quantity?: number;
};

const reasons: Record<string, { pl: string; en: string }> = {
  not_delivered: { pl: "Jeszcze nie dostarczone ani nieodebrane", en: "Not yet delivered or collected" },
  not_completed: {
    pl: "Zamówienie nie zostało jeszcze odebrane ani dostarczone",
    en: "Not yet collected or delivered",
  },
  order_closed: { pl: "Zamówienie zostało anulowane", en: "The order was cancelled" },
  not_collected: { pl: "Jeszcze nie odebrane", en: "Not yet collected" },
  declined: { pl: "Odrzucone przy odbiorze", en: "Declined at pickup" },
  declined_at_pickup: { pl: "Odrzucone przy odbiorze", en: "Declined at pickup" },
  window_passed: { pl: "Minął termin zwrotu", en: "The return window has passed" },
  final_sale: { pl: "Wyprzedaż końcowa – bez zwrotu", en: "Final sale – not returnable" },
  already_returned: { pl: "Już zwrócone", en: "Already returned" },
};

/**
 * Why a line cannot be returned, in the shopper's language: a known code is translated; in English
 * the server's own sentence (which may name a date) is preferred; other text is shown as it is.
 */
export const eligibilityReason = (reason: string | null | undefined, locale?: string, reasonCode?: string | null) => {
  const code = reasonCode ?? (reason && reasons[reason] ? reason : null);
  const known = code ? reasons[code] : undefined;
  if (known && !(locale === "en" && reason && reason !== code)) return pick(known, locale);
  if (reason) return /\s/.test(reason) ? reason : humanize(reason);
  return code ? humanize(code) : "";
};

/**
 * Which lines of an order can be returned, how many, and why not. With `selected` and `onChange`
 * each returnable line gets a quantity field (0 … returnable).
 */
export function EligibilityView({
  lines,
  deadline,
  locale = "pl",
  selected,
  onChange,
}: {
  lines: EligibilityLine[];
  deadline?: string | Date | null;
  locale?: string;
  selected?: Record<string, number>;
  onChange?: (lineId: string, quantity: number) => void;
}) {
  const t = pick(
    {
      pl: {
        deadline: "Zwrot możliwy do",
        can: (n: number) => `Można zwrócić: ${n}`,
        cannot: "Nie można zwrócić",
        qty: "Ilość do zwrotu",
        none: "To zamówienie nie ma pozycji.",
      },
      en: {
        deadline: "Returnable until",
        can: (n: number) => `Returnable: ${n}`,
        cannot: "Cannot be returned",
        qty: "Quantity to return",
        none: "This order has no lines.",
      },
    },
    locale,
  );
  return (
    <section data-testid="eligibility-view">
      {deadline && (
        <p className="mb-3 text-slate-700">
          {t.deadline} <strong>{formatDateTime(deadline, locale)}</strong>
        </p>
      )}
      {lines.length === 0 ? (
        <p className="text-slate-600">{t.none}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {lines.map((line) => {
            const returnable = line.returnableQuantity > 0;
            const inputId = `return-qty-${line.lineId}`;
            return (
              <li
                key={line.lineId}
                data-testid="eligibility-line"
                data-line-id={line.lineId}
                data-returnable={line.returnableQuantity}
                className={`flex flex-wrap items-center justify-between gap-3 px-4 py-3 ${returnable ? "" : "bg-slate-50"}`}
              >
                <div className="min-w-0">
                  <p className="font-medium">
                    {line.title ? lineTitleIn(locale, { title: line.title, titlePl: line.titlePl }) : line.sku}
                  </p>
                  {line.title && (
                    <p className="text-sm text-slate-600">
                      {line.sku}
                      {line.quantity != null && ` · × ${line.quantity}`}
                    </p>
                  )}
                  {returnable ? (
                    <p className="text-sm text-emerald-800">{t.can(line.returnableQuantity)}</p>
                  ) : (
                    <p className="text-sm text-slate-700" data-testid="eligibility-reason">
                      {t.cannot}
                      {(line.reason || line.reasonCode) &&
                        `: ${eligibilityReason(line.reason, locale, line.reasonCode)}`}
                    </p>
                  )}
                </div>
                {returnable && onChange && (
                  <div className="flex items-center gap-2">
                    <label htmlFor={inputId} className="text-sm text-slate-700">
                      {t.qty}
                    </label>
                    <select
                      id={inputId}
                      data-testid="return-quantity"
                      value={selected?.[line.lineId] ?? 0}
                      onChange={(e) => onChange(line.lineId, Number(e.target.value))}
                      className="min-h-11 rounded-lg border border-slate-300 px-3 focus-visible:outline focus-visible:outline-2 focus-visible:outline-sky-600"
                    >
                      {Array.from({ length: line.returnableQuantity + 1 }, (_, n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
