"use client";

import type { ReactNode } from "react";

import { EmptyState } from "@omni/ui/empty-state";

import { QueryState } from "./query-state";

type LoadedQuery<T> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  data: T | undefined;
};

/** A list's three other states (loading, failed, empty) in one place; `children` draws the loaded data. */
export function ListState<T>({
  query,
  empty,
  isEmpty = (data) => Array.isArray(data) && data.length === 0,
  children,
}: {
  query: LoadedQuery<T>;
  empty: string;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending || query.isError || query.data === undefined) return <QueryState query={query} />;
  if (isEmpty(query.data)) return <EmptyState title={empty} />;
  return <>{children(query.data)}</>;
}

/** A table header row; a column is its label, or a label with its alignment. */
export function TableHead({ columns }: { columns: (string | { label: string; align: "right" | "center" })[] }) {
  return (
    <thead className="border-b border-slate-200">
      <tr>
        {columns.map((c, i) =>
          typeof c === "string" ? (
            <th key={i}>{c}</th>
          ) : (
            <th key={i} className={c.align === "right" ? "text-right" : "text-center"}>
              {c.label}
            </th>
          ),
        )}
      </tr>
    </thead>
  );
}
