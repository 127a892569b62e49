"use client";

import { useLocations } from "@/components/location-name";
import { inputClass, labelClass, PageHeader, Panel } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { canManageStock, useStaff } from "@/components/staff-context";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { ONLINE_LOCATION } from "@omni/core";
import { StoreAvailability } from "@omni/ui/store-availability";
import { useTRPC } from "@omni/ui/trpc";

import { MovementHistory } from "./movement-history";
import { ProductFinder } from "./product-finder";
import { StockForms } from "./stock-forms";

/** Stock of the chosen store: find a SKU, count it, receive goods, and read its ledger. */
export function StockScreen() {
  const t = useTranslations("stock");
  const staff = useStaff();
  const [typed, setTyped] = useState("");
  const [sku, setSku] = useState("");
  // The SKU field drives the whole right-hand side; wait for the clerk to stop typing.
  useEffect(() => {
    const timer = setTimeout(() => setSku(typed.trim()), 350);
    return () => clearTimeout(timer);
  }, [typed]);
  const choose = (next: string) => {
    setTyped(next);
    setSku(next);
  };
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", {
          store: staff.stores.find((s) => s.id === staff.storeId)?.name ?? staff.storeId,
        })}
      />
      <div className="grid grid-cols-[minmax(0,5fr)_minmax(0,7fr)] items-start gap-5 max-lg:grid-cols-1">
        <ProductFinder onChoose={choose} chosenSku={sku} />
        <div className="flex flex-col gap-5">
          <Panel>
            <label className={labelClass}>
              {t("sku")}
              <input
                className={`${inputClass} font-mono`}
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                placeholder={t("skuPlaceholder")}
                data-testid="cycle-count-sku"
                autoComplete="off"
              />
            </label>
          </Panel>
          {sku ? (
            <SkuDetails sku={sku} key={`${sku}@${staff.storeId}`} />
          ) : (
            <p className="text-slate-500">{t("chooseSku")}</p>
          )}
        </div>
      </div>
    </>
  );
}

function SkuDetails({ sku }: { sku: string }) {
  const t = useTranslations("stock");
  const locale = useLocale();
  const staff = useStaff();
  const trpc = useTRPC();
  const availability = useQuery(trpc.inventory.availability.queryOptions({ sku }));
  const stores = useLocations();
  if (availability.isPending || availability.isError) return <QueryState query={availability} />;
  // The warehouse is not a store: its stock is what home delivery can promise.
  const here =
    staff.storeId === ONLINE_LOCATION
      ? { available: availability.data.online, aisle: null }
      : availability.data.locations.find((l) => l.storeId === staff.storeId);
  return (
    <>
      <p className="rounded-lg bg-white px-4 py-3 text-slate-700 ring-1 ring-slate-200" data-testid="sku-summary">
        {t("availableHere")}:{" "}
        <strong className="text-xl" data-testid="available-here" data-available={here?.available ?? 0}>
          {here?.available ?? "—"}
        </strong>
        {here?.aisle && <span className="ml-3 text-sm">{t("aisle", { aisle: here.aisle })}</span>}
      </p>
      {canManageStock(staff) ? <StockForms sku={sku} /> : <p className="text-sm text-slate-500">{t("managersOnly")}</p>}
      <MovementHistory sku={sku} />
      <Panel title={t("availabilityOf", { sku })} testId="sku-availability">
        <StoreAvailability
          stores={(stores.data ?? []).map((s) => ({ id: s.id, name: s.name, city: s.city }))}
          locations={availability.data.locations}
          online={availability.data.online}
          chosenStoreId={staff.storeId}
          locale={locale}
          title=""
        />
      </Panel>
    </>
  );
}
