import type { ReactNode } from "react";

/** The title row of every back-office page. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: string;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {description && <p className="mt-1 text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex items-center gap-2">{actions}</div>}
    </div>
  );
}

/** A white panel grouping one task on a page. */
export function Panel({
  title,
  children,
  className = "",
  testId,
}: {
  title?: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <section
      className={`rounded-xl border p-4 shadow-sm ${className.includes("bg-") ? "" : "border-slate-200 bg-white"} ${className}`}
      data-testid={testId}
    >
      {title && <h2 className="mb-3 text-base font-semibold">{title}</h2>}
      {children}
    </section>
  );
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base focus:border-sky-600 focus:outline-none focus:ring-1 focus:ring-sky-600";
export const labelClass = "flex flex-col gap-1 text-sm font-medium text-slate-700";
export const tableClass =
  "w-full text-left text-sm [&_th]:px-3 [&_th]:py-2 [&_th]:whitespace-nowrap [&_th]:font-semibold [&_th]:text-slate-600 [&_td]:px-3 [&_td]:py-2";
