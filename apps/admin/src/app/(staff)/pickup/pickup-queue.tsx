"use client";

import { inputClass, PageHeader } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useStaff } from "@/components/staff-context";
import { openPdf } from "@/lib/open-pdf";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useFormatter, useLocale, useNow, useTranslations } from "next-intl";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";

import type { AppRouter } from "@omni/api";
import { formatMoney, INPUT_LIMITS } from "@omni/core";
import { Button } from "@omni/ui/button";
import { EmptyState } from "@omni/ui/empty-state";
import { ErrorMessage } from "@omni/ui/error-message";
import { useLineTitle } from "@omni/ui/line-title";
import { StatusBadge } from "@omni/ui/status-badge";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

type QueueOrder = inferRouterOutputs<AppRouter>["fulfillment"]["queue"][number];

const pickupColumns = ["placed", "picking", "ready_for_pickup"] as const;

/** The live work queue of the chosen store, refreshed every few seconds. */
export function PickupQueue() {
  const t = useTranslations("pickup");
  const locale = useLocale();
  const { storeId, stores } = useStaff();
  const trpc = useTRPC();
  const queue = useQuery({ ...trpc.fulfillment.queue.queryOptions({ storeId }), refetchInterval: 5_000 });
  const [search, setSearch] = useState("");
  const orders = (queue.data ?? []).filter((o) => matches(o, search));
  const pickups = orders.filter((o) => o.fulfillmentType === "pickup");
  const deliveries = orders.filter((o) => o.fulfillmentType === "delivery");
  const waiting = pickups.filter((o) => o.checkedInAt && o.status !== "collected").length;
  useChimeOnNewHelp(queue.data);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { store: stores.find((s) => s.id === storeId)?.name ?? storeId })}
        actions={
          <>
            {waiting > 0 && (
              <span
                className="rounded-full bg-amber-400 px-3 py-1 text-sm font-bold text-amber-950"
                data-testid="waiting-count"
              >
                {t("waiting", { count: waiting })}
              </span>
            )}
            <Link
              href="/pickup/collect"
              className="rounded-lg bg-slate-900 px-4 py-2.5 font-semibold text-white hover:bg-slate-700"
              data-testid="go-collect"
            >
              {t("handover")}
            </Link>
          </>
        }
      />
      <input
        type="search"
        className={`${inputClass} mb-4 max-w-xl`}
        value={search}
        maxLength={INPUT_LIMITS.search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder={t("search")}
        aria-label={t("search")}
        data-testid="queue-search"
      />
      {queue.isPending || queue.isError ? (
        <QueryState query={queue} />
      ) : orders.length === 0 && search.trim() ? (
        <EmptyState title={t("noMatch", { search: search.trim() })}>{t("noMatchHint")}</EmptyState>
      ) : orders.length === 0 ? (
        <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
      ) : (
        <>
          {pickups.length > 0 && (
            <div className="grid grid-cols-3 gap-4 max-lg:grid-cols-1">
              {pickupColumns.map((status) => {
                const list = pickups.filter((o) => o.status === status);
                return (
                  <section key={status} data-testid={`queue-column-${status}`} className="rounded-xl bg-slate-100 p-3">
                    <h2 className="mb-3 flex items-center justify-between font-semibold">
                      <StatusBadge status={status} locale={locale} />
                      <span className="text-sm text-slate-500">{list.length}</span>
                    </h2>
                    <div className="flex flex-col gap-3">
                      {list.length === 0 ? (
                        <p className="px-1 text-sm text-slate-500">{t("none")}</p>
                      ) : (
                        list.map((o) => <OrderCard key={o.orderNumber} order={o} />)
                      )}
                    </div>
                  </section>
                );
              })}
            </div>
          )}
          {deliveries.length > 0 && (
            <section className="mt-6">
              <h2 className="mb-3 text-lg font-semibold">{t("deliveries")}</h2>
              <div className="grid grid-cols-3 gap-4 max-lg:grid-cols-1">
                {deliveries.map((o) => (
                  <OrderCard key={o.orderNumber} order={o} />
                ))}
              </div>
            </section>
          )}
        </>
      )}
    </>
  );
}

/**
 * Plays a short chime when a shopper asks for help at the kiosk and the request was not on the board
 * before, so a clerk busy on the shop floor hears it. Requests already there when the page opens are
 * shown but not rung.
 */
function useChimeOnNewHelp(orders: QueueOrder[] | undefined) {
  const known = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (!orders) return;
    const asking = orders.filter((o) => o.helpRequestedAt).map((o) => o.orderNumber);
    const fresh = known.current ? asking.filter((n) => !known.current!.has(n)) : [];
    known.current = new Set(asking);
    if (fresh.length) chime();
  }, [orders]);
}

function chime() {
  try {
    const audio = new AudioContext();
    for (const [index, frequency] of [880, 1320].entries()) {
      const tone = audio.createOscillator();
      const volume = audio.createGain();
      tone.frequency.value = frequency;
      volume.gain.setValueAtTime(0.2, audio.currentTime + index * 0.18);
      volume.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + index * 0.18 + 0.3);
      tone.connect(volume).connect(audio.destination);
      tone.start(audio.currentTime + index * 0.18);
      tone.stop(audio.currentTime + index * 0.18 + 0.3);
    }
  } catch {
    // A browser without sound (or one that blocks it before a click) still shows the request.
  }
}

/** Whether an order answers the board's search: its number, the shopper's name, phone or e-mail, an item. */
function matches(order: QueueOrder, search: string): boolean {
  const needle = search.trim().toLocaleLowerCase();
  if (!needle) return true;
  const digits = needle.replace(/\D/g, "");
  // A clerk may type the item's name in either language.
  const fields = [
    order.orderNumber,
    order.customerName,
    ...order.lines.flatMap((l) => [l.title, l.titlePl ?? "", l.sku]),
  ];
  return (
    fields.some((field) => field.toLocaleLowerCase().includes(needle)) ||
    (digits.length >= 3 && !!order.phone?.replace(/\D/g, "").includes(digits))
  );
}

function OrderCard({ order }: { order: QueueOrder }) {
  const lineTitle = useLineTitle();
  const errorMessage = useErrorMessage();
  const t = useTranslations("pickup");
  const locale = useLocale();
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.fulfillment.queue.queryKey() });
  const advance = useMutation(trpc.fulfillment.advance.mutationOptions({ onSuccess: refresh }));
  const ship = useMutation(trpc.fulfillment.ship.mutationOptions({ onSuccess: refresh }));
  const deliver = useMutation(trpc.fulfillment.deliver.mutationOptions({ onSuccess: refresh }));
  const cancel = useMutation(trpc.fulfillment.cancel.mutationOptions({ onSuccess: refresh }));
  const answerHelp = useMutation(trpc.fulfillment.answerHelp.mutationOptions({ onSuccess: refresh }));
  // The carrier's label opens as a PDF in a new tab, ready to print.
  const label = useMutation(trpc.fulfillment.label.mutationOptions({ onSuccess: openPdf }));
  const [tracking, setTracking] = useState("");
  const [cancelling, setCancelling] = useState(false);
  const [cancelReason, setCancelReason] = useState("");
  const failed = advance.error ?? ship.error ?? deliver.error ?? cancel.error ?? label.error ?? answerHelp.error;
  const checkedIn = Boolean(order.checkedInAt);
  return (
    <article
      data-testid={`queue-order-${order.orderNumber}`}
      data-status={order.status}
      data-checked-in={checkedIn ? "true" : "false"}
      data-help={order.helpRequestedAt ? "true" : "false"}
      className={`rounded-lg border bg-white p-3 shadow-sm ${order.helpRequestedAt ? "border-red-500 ring-2 ring-red-500" : checkedIn ? "border-amber-400 ring-2 ring-amber-400" : "border-slate-200"}`}
    >
      {order.helpRequestedAt && (
        <div
          className="mb-2 flex items-center justify-between gap-2 rounded bg-red-100 px-2 py-1.5 text-sm font-semibold text-red-900"
          role="alert"
          data-testid="help-requested"
        >
          <span>
            {t("helpRequested", {
              time: format.dateTime(new Date(order.helpRequestedAt), { timeStyle: "short" }),
            })}
          </span>
          <Button
            variant="secondary"
            busy={answerHelp.isPending}
            onClick={() => answerHelp.mutate({ orderNumber: order.orderNumber })}
            data-testid="answer-help"
          >
            {t("answerHelp")}
          </Button>
        </div>
      )}
      <header className="flex items-start justify-between gap-2">
        <div>
          <p className="font-mono font-semibold">{order.orderNumber}</p>
          <p className="text-sm text-slate-700">{order.customerName}</p>
          {order.phone && <p className="text-xs text-slate-500">{order.phone}</p>}
        </div>
        <div className="text-right text-xs text-slate-500">
          <p>{format.relativeTime(new Date(order.createdAt), now)}</p>
          {order.fulfillmentType === "delivery" && <StatusBadge status={order.status} locale={locale} />}
        </div>
      </header>
      {checkedIn && (
        <p
          className="mt-2 rounded bg-amber-100 px-2 py-1 text-sm font-semibold text-amber-900"
          data-testid="checked-in"
        >
          {t("checkedIn", { time: format.dateTime(new Date(order.checkedInAt!), { timeStyle: "short" }) })}
        </p>
      )}
      <ul className="mt-2 divide-y divide-slate-100 text-sm" aria-label={t("pickList")} data-testid="pick-list">
        {order.lines.map((line) => (
          <li key={line.lineId} className="flex items-baseline justify-between gap-2 py-1">
            <span>
              <strong>{line.quantity}×</strong> {lineTitle(line)}
              <span className="block font-mono text-xs text-slate-500">{line.sku}</span>
            </span>
            {line.aisle && (
              <span className="whitespace-nowrap rounded bg-slate-100 px-1.5 text-xs">
                {t("aisle", { aisle: line.aisle })}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="mt-2 flex justify-between text-sm">
        <span className="text-slate-600">{order.paid ? t("paid") : t("payInStore")}</span>
        <strong>{formatMoney(order.totalMinor, order.currency, locale)}</strong>
      </p>
      {order.status === "ready_for_pickup" && order.pickupDeadline && (
        <p className="text-xs text-slate-500">
          {t("deadline", { date: format.dateTime(new Date(order.pickupDeadline), { dateStyle: "medium" }) })}
        </p>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {order.fulfillmentType === "pickup" && order.status === "placed" && (
          <Button
            busy={advance.isPending}
            onClick={() => advance.mutate({ orderNumber: order.orderNumber, to: "picking" })}
            data-testid="advance-picking"
          >
            {t("startPicking")}
          </Button>
        )}
        {order.fulfillmentType === "pickup" && order.status === "picking" && (
          <Button
            busy={advance.isPending}
            onClick={() => advance.mutate({ orderNumber: order.orderNumber, to: "ready_for_pickup" })}
            data-testid="advance-ready"
          >
            {t("markReady")}
          </Button>
        )}
        {order.fulfillmentType === "pickup" && order.status === "ready_for_pickup" && (
          <Link
            href={`/pickup/collect?order=${encodeURIComponent(order.orderNumber)}`}
            data-testid="open-handover"
            className="inline-flex min-h-11 items-center rounded-lg px-4 font-semibold ring-1 ring-slate-300 hover:bg-slate-50"
          >
            {t("handover")}
          </Link>
        )}
        {order.fulfillmentType === "delivery" && order.status === "placed" && (
          <div className="flex w-full gap-2">
            <input
              className={`${inputClass} flex-1`}
              value={tracking}
              onChange={(e) => setTracking(e.target.value)}
              placeholder={t("tracking")}
              aria-label={t("tracking")}
              data-testid="tracking-number"
            />
            <Button
              busy={ship.isPending}
              onClick={() =>
                ship.mutate({ orderNumber: order.orderNumber, trackingNumber: tracking.trim() || undefined })
              }
              data-testid="ship-order"
            >
              {t("ship")}
            </Button>
          </div>
        )}
        {order.fulfillmentType === "delivery" && order.status === "shipped" && (
          <Button
            variant="secondary"
            busy={label.isPending}
            onClick={() => label.mutate({ orderNumber: order.orderNumber })}
            data-testid="print-label"
          >
            {t("label")}
          </Button>
        )}
        {order.fulfillmentType === "delivery" && order.status === "shipped" && (
          <Button
            busy={deliver.isPending}
            onClick={() => deliver.mutate({ orderNumber: order.orderNumber })}
            data-testid="deliver-order"
          >
            {t("deliver")}
          </Button>
        )}
        {["placed", "picking", "ready_for_pickup"].includes(order.status) &&
          (cancelling ? (
            <form
              className="flex w-full flex-col gap-2 rounded-md bg-red-50 p-2"
              onSubmit={(e) => {
                e.preventDefault();
                cancel.mutate({ orderNumber: order.orderNumber, reason: cancelReason });
              }}
            >
              <label className="text-sm font-medium text-red-900">
                {t("cancelQuestion")}
                <input
                  className={`${inputClass} mt-1`}
                  required
                  maxLength={INPUT_LIMITS.reason}
                  value={cancelReason}
                  onChange={(e) => setCancelReason(e.target.value)}
                  placeholder={t("cancelReason")}
                  data-testid="cancel-reason"
                />
              </label>
              <div className="flex gap-2">
                <Button type="submit" variant="danger" busy={cancel.isPending} data-testid="cancel-order-confirm">
                  {t("cancelConfirm")}
                </Button>
                <Button variant="ghost" onClick={() => setCancelling(false)}>
                  {t("keep")}
                </Button>
              </div>
            </form>
          ) : (
            <Button
              variant="ghost"
              className="ml-auto text-sm text-red-700!"
              onClick={() => setCancelling(true)}
              data-testid="cancel-order"
            >
              {t("cancel")}
            </Button>
          ))}
      </div>
      {failed && (
        <div className="mt-2">
          <ErrorMessage message={errorMessage(failed)} />
        </div>
      )}
    </article>
  );
}
