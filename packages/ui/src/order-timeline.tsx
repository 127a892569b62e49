import { ChannelLabel } from "./channel";
import { formatDateTime, humanize, pick } from "./labels";
import { statusLabel } from "./status-badge";

export type TimelineEvent = { type: string; at: string | Date; channel?: string | null; toStatus?: string | null };

/** Event types that are not status changes, in words; a status change is named after its new status. */
const eventNames: Record<string, { pl: string; en: string }> = {
  placed: { pl: "Zamówienie złożone", en: "Order placed" },
  created: { pl: "Utworzono", en: "Created" },
  requested: { pl: "Zwrot zgłoszony", en: "Return requested" },
  checked_in: { pl: "Klient jest w sklepie", en: "Customer checked in" },
  check_in: { pl: "Klient jest w sklepie", en: "Customer checked in" },
  help_requested: { pl: "Klient prosi o pomoc przy kiosku", en: "Customer asked for help at the kiosk" },
  help_answered: { pl: "Obsługa podeszła do klienta", en: "Staff answered the customer" },
  payment_authorised: { pl: "Płatność autoryzowana", en: "Payment authorised" },
  paid: { pl: "Opłacone", en: "Paid" },
  paid_in_store: { pl: "Zapłacono przy odbiorze", en: "Paid at the counter" },
  refunded: { pl: "Zwrócono pieniądze", en: "Refund issued" },
  refund: { pl: "Zwrócono pieniądze", en: "Refund issued" },
  notified: { pl: "Wysłano powiadomienie", en: "Customer notified" },
  line_declined: { pl: "Pozycja odrzucona przy odbiorze", en: "Line declined at pickup" },
  lines_declined: {
    pl: "Część produktów odrzucona przy odbiorze i zwrócona",
    en: "Items declined at pickup and refunded",
  },
  reminder_sent: { pl: "Wysłano przypomnienie", en: "Reminder sent" },
  pickup_reminder_sent: { pl: "Wysłano przypomnienie o odbiorze", en: "Pickup reminder sent" },
  return_requested: { pl: "Zgłoszono zwrot", en: "Return requested" },
};

const isoOf = (at: string | Date) => {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

export function eventLabel(event: TimelineEvent, locale?: string): string {
  const known = eventNames[event.type];
  if (known) return pick(known, locale);
  if (event.toStatus) return statusLabel(event.toStatus, locale);
  if (event.type === "status_changed" || event.type === "status") return humanize(event.type);
  return statusLabel(event.type, locale);
}

/**
 * The history of an order, reservation or return, oldest first, each step with when and in which
 * channel it happened, so a shopper sees the same story whichever app they look in.
 */
export function OrderTimeline({
  events,
  locale = "pl",
  title,
}: {
  events: TimelineEvent[];
  locale?: string;
  title?: string;
}) {
  const sorted = [...events].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  const heading = title ?? pick({ pl: "Historia", en: "History" }, locale);
  return (
    <section data-testid="order-timeline" aria-label={heading}>
      <h2 className="mb-3 text-lg font-semibold">{heading}</h2>
      {sorted.length === 0 ? (
        <p className="text-slate-600">{pick({ pl: "Brak zdarzeń.", en: "No events yet." }, locale)}</p>
      ) : (
        <ol className="relative ml-2 border-l-2 border-slate-200">
          {sorted.map((event, index) => {
            const last = index === sorted.length - 1;
            return (
              <li
                key={`${event.type}-${String(event.at)}-${index}`}
                data-testid="timeline-event"
                data-type={event.type}
                className="mb-4 ml-5 last:mb-0"
              >
                <span
                  aria-hidden
                  className={`absolute -left-[9px] mt-1.5 h-4 w-4 rounded-full border-2 border-white ${last ? "bg-slate-900" : "bg-slate-400"}`}
                />
                <p className={last ? "font-semibold text-slate-900" : "text-slate-800"}>{eventLabel(event, locale)}</p>
                <p className="flex flex-wrap items-center gap-x-3 text-sm text-slate-600">
                  <time dateTime={isoOf(event.at)}>{formatDateTime(event.at, locale)}</time>
                  {event.channel && <ChannelLabel channel={event.channel} locale={locale} />}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
