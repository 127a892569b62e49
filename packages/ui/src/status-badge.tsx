import { humanize, pick } from "./labels";

/** Every status an order, reservation or return can have, with its words and colour. */
const statuses: Record<string, { pl: string; en: string; tone: string }> = {
  placed: { pl: "Złożone", en: "Placed", tone: "bg-sky-50 text-sky-800 ring-sky-300" },
  picking: { pl: "Kompletowane", en: "Being picked", tone: "bg-indigo-50 text-indigo-800 ring-indigo-300" },
  ready_for_pickup: {
    pl: "Gotowe do odbioru",
    en: "Ready for pickup",
    tone: "bg-emerald-50 text-emerald-800 ring-emerald-400",
  },
  collected: { pl: "Odebrane", en: "Collected", tone: "bg-slate-100 text-slate-800 ring-slate-300" },
  shipped: { pl: "Wysłane", en: "Shipped", tone: "bg-indigo-50 text-indigo-800 ring-indigo-300" },
  delivered: { pl: "Dostarczone", en: "Delivered", tone: "bg-slate-100 text-slate-800 ring-slate-300" },
  cancelled: { pl: "Anulowane", en: "Cancelled", tone: "bg-red-50 text-red-800 ring-red-300" },
  expired: { pl: "Wygasło", en: "Expired", tone: "bg-amber-50 text-amber-900 ring-amber-300" },
  active: { pl: "Aktywna", en: "Active", tone: "bg-emerald-50 text-emerald-800 ring-emerald-400" },
  fulfilled: { pl: "Zrealizowana", en: "Fulfilled", tone: "bg-slate-100 text-slate-800 ring-slate-300" },
  requested: { pl: "Zgłoszony", en: "Requested", tone: "bg-sky-50 text-sky-800 ring-sky-300" },
  received: { pl: "Przyjęty", en: "Received", tone: "bg-indigo-50 text-indigo-800 ring-indigo-300" },
  refunded: { pl: "Zwrócono pieniądze", en: "Refunded", tone: "bg-emerald-50 text-emerald-800 ring-emerald-400" },
  rejected: { pl: "Odrzucony", en: "Rejected", tone: "bg-red-50 text-red-800 ring-red-300" },
};

export const statusLabel = (status: string, locale?: string) => {
  const known = statuses[status];
  return known ? pick(known, locale) : humanize(status);
};

/** An order, reservation or return status as a coloured pill, the same in every app. */
export function StatusBadge({
  status,
  locale = "pl",
  size = "md",
}: {
  status: string;
  locale?: string;
  size?: "md" | "lg";
}) {
  const tone = statuses[status]?.tone ?? "bg-slate-100 text-slate-800 ring-slate-300";
  return (
    <span
      data-testid="status-badge"
      data-status={status}
      className={`inline-flex items-center rounded-full font-semibold ring-1 ring-inset ${tone} ${size === "lg" ? "px-4 py-1 text-lg" : "px-2.5 py-0.5 text-sm"}`}
    >
      {statusLabel(status, locale)}
    </span>
  );
}
