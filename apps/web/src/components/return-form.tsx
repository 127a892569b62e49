"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";

import { formatMoney, newIdempotencyKey } from "@omni/core";
import { Button } from "@omni/ui/button";
import { EligibilityView } from "@omni/ui/eligibility-view";
import { ErrorMessage } from "@omni/ui/error-message";
import { useLineTitle } from "@omni/ui/line-title";
import { Spinner } from "@omni/ui/spinner";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { ReturnSlip } from "./return-slip";
import { SelectField } from "./select-field";

const reasons = ["wrong_size", "damaged", "not_as_described", "changed_mind", "other"] as const;
type Reason = (typeof reasons)[number];

/** Return items of an order: which lines and how many, why, how (any store or by mail) and where the money goes. */
export function ReturnForm({
  orderNumber,
  email,
  stores,
}: {
  orderNumber: string;
  email?: string;
  stores: { id: string; name: string; city: string }[];
}) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("returns");
  const lineTitle = useLineTitle();
  const locale = useLocale();
  const trpc = useTRPC();
  const eligibility = useQuery(trpc.returns.eligibility.queryOptions({ orderNumber, email }));
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [why, setWhy] = useState<Record<string, Reason>>({});
  const [method, setMethod] = useState<"in_store" | "mail">("in_store");
  const [storeId, setStoreId] = useState(stores[0]?.id ?? "");
  const [refundTo, setRefundTo] = useState<"original" | "store_credit">("original");
  const [key, setKey] = useState(() => newIdempotencyKey("web-return"));
  const create = useMutation(trpc.returns.create.mutationOptions());

  if (eligibility.isPending) return <Spinner locale={locale} />;
  if (eligibility.error) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
        <ErrorMessage message={errorMessage(eligibility.error)} onRetry={() => eligibility.refetch()} locale={locale} />
      </div>
    );
  }

  const lines = eligibility.data.lines;
  const chosen = lines.filter((l) => (quantities[l.lineId] ?? 0) > 0);

  if (create.data) {
    const returned = chosen.map((l) => ({ title: lineTitle(l), quantity: quantities[l.lineId] ?? 0 }));
    const link = `/returns/${encodeURIComponent(create.data.returnNumber)}${email ? `?email=${encodeURIComponent(email)}` : ""}`;
    return (
      <div className="space-y-4" data-testid="return-confirmation">
        <h1 className="text-2xl font-bold">{t("created")}</h1>
        <p>
          {t("number")}:{" "}
          <strong className="font-mono text-xl" data-testid="return-number">
            {create.data.returnNumber}
          </strong>
        </p>
        <p>
          {t("refundWillBe", {
            amount: formatMoney(create.data.refundMinor, create.data.currency, locale),
            to: refundTo === "store_credit" ? t("toCredit") : t("toOriginal"),
          })}
        </p>
        <p className="text-slate-700">
          {method === "mail"
            ? t("nextMail")
            : t("nextStore", { store: stores.find((s) => s.id === storeId)?.name ?? "" })}
        </p>
        {method === "mail" && (
          <ReturnSlip returnNumber={create.data.returnNumber} orderNumber={orderNumber} lines={returned} />
        )}
        <Link href={link} className="font-semibold text-sky-800 underline">
          {t("followStatus")}
        </Link>
      </div>
    );
  }

  const radio = (on: boolean) =>
    `flex cursor-pointer items-start gap-3 rounded-xl p-3 ring-1 ring-inset focus-within:ring-2 focus-within:ring-sky-600 ${on ? "bg-sky-50 ring-sky-600" : "ring-slate-300"}`;

  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          {
            orderNumber,
            email,
            lines: chosen.map((l) => ({
              lineId: l.lineId,
              quantity: quantities[l.lineId]!,
              reason: why[l.lineId] ?? "changed_mind",
            })),
            method: method === "mail" ? { type: "mail" } : { type: "in_store", storeId },
            refundTo,
            idempotencyKey: key,
          },
          { onError: () => setKey(newIdempotencyKey("web-return")) },
        );
      }}
    >
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <p className="text-slate-700">{t("forOrder", { number: eligibility.data.orderNumber })}</p>
      <EligibilityView
        lines={lines}
        deadline={eligibility.data.deadline}
        locale={locale}
        selected={quantities}
        onChange={(lineId, quantity) => setQuantities((q) => ({ ...q, [lineId]: quantity }))}
      />

      {chosen.length > 0 && (
        <fieldset className="space-y-2">
          <legend className="mb-2 text-lg font-semibold">{t("why")}</legend>
          {chosen.map((line) => (
            <SelectField
              key={line.lineId}
              id={`return-reason-${line.lineId}`}
              data-testid="return-reason"
              label={lineTitle(line)}
              value={why[line.lineId] ?? "changed_mind"}
              onChange={(e) => setWhy((w) => ({ ...w, [line.lineId]: e.target.value as Reason }))}
            >
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {t(`reason_${r}`)}
                </option>
              ))}
            </SelectField>
          ))}
        </fieldset>
      )}

      <fieldset className="space-y-2">
        <legend className="mb-2 text-lg font-semibold">{t("method")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          <label className={radio(method === "in_store")}>
            <input
              type="radio"
              name="method"
              data-testid="return-in-store"
              checked={method === "in_store"}
              onChange={() => setMethod("in_store")}
              className="mt-1 h-5 w-5"
            />
            <span>
              <span className="block font-semibold">{t("inStore")}</span>
              <span className="text-sm text-slate-600">{t("inStoreHint")}</span>
            </span>
          </label>
          <label className={radio(method === "mail")}>
            <input
              type="radio"
              name="method"
              data-testid="return-mail"
              checked={method === "mail"}
              onChange={() => setMethod("mail")}
              className="mt-1 h-5 w-5"
            />
            <span>
              <span className="block font-semibold">{t("mail")}</span>
              <span className="text-sm text-slate-600">{t("mailHint")}</span>
            </span>
          </label>
        </div>
        {method === "in_store" && (
          <SelectField
            id="return-store"
            data-testid="return-store"
            label={t("store")}
            value={storeId}
            onChange={(e) => setStoreId(e.target.value)}
          >
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        )}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="mb-2 text-lg font-semibold">{t("refundTo")}</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          <label className={radio(refundTo === "original")}>
            <input
              type="radio"
              name="refund"
              data-testid="refund-original"
              checked={refundTo === "original"}
              onChange={() => setRefundTo("original")}
              className="mt-1 h-5 w-5"
            />
            <span className="font-semibold">{t("toOriginal")}</span>
          </label>
          <label className={radio(refundTo === "store_credit")}>
            <input
              type="radio"
              name="refund"
              data-testid="refund-credit"
              checked={refundTo === "store_credit"}
              onChange={() => setRefundTo("store_credit")}
              className="mt-1 h-5 w-5"
            />
            <span className="font-semibold">{t("toCredit")}</span>
          </label>
        </div>
      </fieldset>

      {create.error && <ErrorMessage message={errorMessage(create.error)} locale={locale} />}
      <Button
        type="submit"
        size="lg"
        className="w-full sm:w-auto"
        data-testid="return-submit"
        disabled={chosen.length === 0}
        busy={create.isPending}
      >
        {chosen.length === 0 ? t("chooseItems") : t("submit")}
      </Button>
    </form>
  );
}
