"use client";

import { Panel } from "@/components/page-header";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";

import { ErrorMessage } from "@omni/ui/error-message";
import { Spinner } from "@omni/ui/spinner";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** What this store has of the SKU just scanned, and what the other stores and home delivery have. */
export function CounterStock({
  sku,
  storeId,
  stores,
}: {
  sku: string;
  storeId: string;
  stores: { id: string; name: string; type: string }[];
}) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("counter");
  const locale = useLocale();
  const trpc = useTRPC();
  const stock = useQuery(trpc.inventory.availability.queryOptions({ sku }));
  const here = stock.data?.locations.find((l) => l.storeId === storeId);
  const others = stock.data?.locations.filter((l) => l.storeId !== storeId && l.available > 0) ?? [];
  const nameOf = (id: string) => stores.find((s) => s.id === id)?.name ?? id;
  return (
    <Panel title={t("stockTitle", { sku })} testId="counter-stock">
      {stock.isPending ? (
        <Spinner locale={locale} />
      ) : stock.error ? (
        <ErrorMessage message={errorMessage(stock.error)} locale={locale} />
      ) : (
        <div className="space-y-2">
          <p className="text-lg">
            {t("stockHere")}:{" "}
            <strong data-testid="counter-stock-here" data-available={here?.available ?? 0}>
              {here?.available ?? 0}
            </strong>
          </p>
          <p className="text-sm text-slate-700" data-testid="counter-stock-online">
            {t("stockOnline")}: {stock.data?.online ?? 0}
          </p>
          {others.length ? (
            <ul className="flex flex-wrap gap-2" data-testid="counter-stock-others">
              {others.map((o) => (
                <li key={o.storeId} className="rounded-md bg-slate-100 px-2 py-1 text-sm">
                  {nameOf(o.storeId)}: <strong>{o.available}</strong>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("stockNowhereElse")}</p>
          )}
        </div>
      )}
    </Panel>
  );
}
