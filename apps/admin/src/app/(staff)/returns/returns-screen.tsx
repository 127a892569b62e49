"use client";

import { CodeLookup } from "@/components/code-lookup";
import { ListState, TableHead } from "@/components/list-state";
import { PageHeader, Panel, tableClass } from "@/components/page-header";
import { useStaff } from "@/components/staff-context";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useNow, useTranslations } from "next-intl";
import { useState } from "react";

import { formatMoney } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { ReceiveReturn } from "./receive-return";
import { StartReturn } from "./start-return";

/** The returns desk: receive returns (by number or slip QR), see what is due, or start one for a shopper. */
export function ReturnsScreen() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("returns");
  const [tab, setTab] = useState<"receive" | "start">("receive");
  const trpc = useTRPC();
  const lookup = useMutation(trpc.returns.lookup.mutationOptions());
  const [typed, setTyped] = useState("");
  const find = (value: string) => {
    const clean = value.trim();
    if (!clean) return;
    setTyped(clean);
    setTab("receive");
    lookup.mutate({ returnNumber: clean });
  };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="mb-4 flex gap-1" role="tablist">
        {(["receive", "start"] as const).map((k) => (
          <button
            key={k}
            role="tab"
            aria-selected={tab === k}
            onClick={() => setTab(k)}
            className={`rounded-md px-4 py-2 font-medium ${tab === k ? "bg-slate-900 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-100"}`}
            data-testid={`returns-tab-${k}`}
          >
            {t(`tab.${k}`)}
          </button>
        ))}
      </div>
      {tab === "start" ? (
        <StartReturn onCreated={find} />
      ) : (
        <div className="grid grid-cols-[minmax(0,7fr)_minmax(0,5fr)] items-start gap-5 max-lg:grid-cols-1">
          <div className="flex flex-col gap-5">
            <Panel title={t("find")}>
              <CodeLookup
                value={typed}
                onChange={setTyped}
                onFind={find}
                label={t("returnNumber")}
                placeholder="RT-500001"
                buttonLabel={t("findButton")}
                busy={lookup.isPending}
                testIds={{ input: "return-lookup-input", submit: "return-lookup-submit", scan: "return-scan" }}
              />
              {lookup.isError && (
                <div className="mt-3">
                  <ErrorMessage message={errorMessage(lookup.error)} />
                </div>
              )}
            </Panel>
            {lookup.data && (
              <ReceiveReturn found={lookup.data} key={`${lookup.data.returnNumber}-${lookup.submittedAt}`} />
            )}
          </div>
          <AwaitingReceipt onOpen={find} />
        </div>
      )}
    </>
  );
}

function AwaitingReceipt({ onOpen }: { onOpen: (returnNumber: string) => void }) {
  const t = useTranslations("returns");
  const locale = useLocale();
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const { storeId } = useStaff();
  const trpc = useTRPC();
  const list = useQuery({
    ...trpc.returns.list.queryOptions({ storeId, status: "requested" }),
    refetchInterval: 15_000,
  });
  return (
    <Panel title={t("awaiting")} testId="returns-awaiting">
      <ListState query={list} empty={t("noneAwaiting")}>
        {(rows) => (
          <table className={tableClass}>
            <TableHead columns={[t("returnNumber"), t("shopper"), { label: t("refund"), align: "right" }, ""]} />
            <tbody className="divide-y divide-slate-100">
              {rows.map((r) => (
                <tr key={r.returnNumber} data-testid={`return-row-${r.returnNumber}`}>
                  <td>
                    <span className="font-mono font-semibold">{r.returnNumber}</span>
                    <span className="block text-xs text-slate-500">
                      {r.orderNumber} · {format.relativeTime(new Date(r.createdAt), now)}
                    </span>
                  </td>
                  <td>
                    {r.customerName}
                    <span className="block text-xs text-slate-500">
                      {t("units", { count: r.units })} · {t(`method.${r.method}`)}
                    </span>
                  </td>
                  <td className="text-right whitespace-nowrap">{formatMoney(r.refundMinor, "PLN", locale)}</td>
                  <td className="text-right">
                    <Button
                      variant="secondary"
                      onClick={() => onOpen(r.returnNumber)}
                      data-testid={`open-return-${r.returnNumber}`}
                    >
                      {t("open")}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListState>
    </Panel>
  );
}
