"use client";

import { inputClass, labelClass, Panel } from "@/components/page-header";
import { parseMoney } from "@/lib/money-input";
import { productTitleIn } from "@/lib/product-title";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** A datetime-local value in the browser's time zone. */
const localInput = (date: Date) =>
  new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

export function PromotionForm() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("promotions");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const create = useMutation(
    trpc.promotions.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.promotions.list.queryKey() }),
    }),
  );
  const [name, setName] = useState("");
  const [kind, setKind] = useState<"percent" | "amount">("percent");
  const [value, setValue] = useState("");
  const [target, setTarget] = useState<"category" | "product" | "all">("category");
  const [category, setCategory] = useState("");
  const [productQuery, setProductQuery] = useState("");
  const [productId, setProductId] = useState("");
  const [code, setCode] = useState("");
  const [startsAt, setStartsAt] = useState(() => localInput(new Date()));
  const [endsAt, setEndsAt] = useState(() => localInput(new Date(Date.now() + 7 * 86_400_000)));
  const [invalid, setInvalid] = useState(false);
  // Listed in the order of the titles the clerk reads, as admin's product list is.
  const products = useQuery({
    ...trpc.products.list.queryOptions({
      query: productQuery.trim() || undefined,
      locale: locale === "pl" ? "pl" : "en",
      limit: 20,
      offset: 0,
    }),
    enabled: target === "product",
  });
  const titleOf = productTitleIn(locale);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amount = kind === "percent" ? Number(value) : parseMoney(value);
    if (!amount || !Number.isInteger(amount) || amount < 1) return setInvalid(true);
    setInvalid(false);
    create.mutate(
      {
        name,
        kind,
        value: amount,
        categorySlug: target === "category" ? category || null : null,
        productId: target === "product" ? productId || null : null,
        code: code.trim() || null,
        startsAt: new Date(startsAt),
        endsAt: new Date(endsAt),
      },
      {
        onSuccess: () => {
          setName("");
          setValue("");
          setCode("");
        },
      },
    );
  };
  return (
    <Panel title={t("create")} testId="promotion-form">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <label className={labelClass}>
          {t("name")}
          <input
            className={inputClass}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={200}
            data-testid="promotion-name"
          />
        </label>
        <div className="grid grid-cols-2 gap-3">
          <label className={labelClass}>
            {t("kind")}
            <select
              className={inputClass}
              value={kind}
              onChange={(e) => setKind(e.target.value as "percent" | "amount")}
              data-testid="promotion-kind"
            >
              <option value="percent">{t("percent")}</option>
              <option value="amount">{t("amount")}</option>
            </select>
          </label>
          <label className={labelClass}>
            {kind === "percent" ? t("valuePercent") : t("valueAmount")}
            <input
              className={inputClass}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              required
              inputMode="decimal"
              data-testid="promotion-value"
            />
          </label>
        </div>
        {invalid && <p className="text-sm text-red-700">{t("invalidValue")}</p>}
        <label className={labelClass}>
          {t("appliesTo")}
          <select
            className={inputClass}
            value={target}
            onChange={(e) => setTarget(e.target.value as typeof target)}
            data-testid="promotion-target"
          >
            <option value="category">{t("aCategory")}</option>
            <option value="product">{t("aProduct")}</option>
            <option value="all">{t("everything")}</option>
          </select>
        </label>
        {target === "category" && (
          <select
            className={inputClass}
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            required
            aria-label={t("aCategory")}
            data-testid="promotion-category"
          >
            <option value="">—</option>
            {(categories.data ?? []).map((c) => (
              <option key={c.slug} value={c.slug}>
                {locale === "pl" ? c.namePl : c.name}
              </option>
            ))}
          </select>
        )}
        {target === "product" && (
          <div className="flex flex-col gap-2">
            <input
              className={inputClass}
              type="search"
              placeholder={t("findProduct")}
              value={productQuery}
              onChange={(e) => setProductQuery(e.target.value)}
              aria-label={t("findProduct")}
            />
            <select
              className={inputClass}
              value={productId}
              onChange={(e) => setProductId(e.target.value)}
              required
              aria-label={t("aProduct")}
              data-testid="promotion-product"
            >
              <option value="">—</option>
              {(products.data?.items ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {titleOf(p)}
                </option>
              ))}
            </select>
          </div>
        )}
        <label className={labelClass}>
          {t("code")}
          <input
            className={`${inputClass} font-mono uppercase`}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            maxLength={32}
            placeholder={t("codeHint")}
            data-testid="promotion-code"
          />
        </label>
        <div className="grid grid-cols-1 gap-3">
          <label className={labelClass}>
            {t("startsAt")}
            <input
              type="datetime-local"
              className={inputClass}
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
              required
            />
          </label>
          <label className={labelClass}>
            {t("endsAt")}
            <input
              type="datetime-local"
              className={inputClass}
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
              required
            />
          </label>
        </div>
        <Button type="submit" busy={create.isPending} data-testid="promotion-submit">
          {t("createSubmit")}
        </Button>
        {create.isError && <ErrorMessage message={errorMessage(create.error)} />}
        {create.isSuccess && (
          <p role="status" className="text-sm text-emerald-700">
            {t("created", { name: create.data.name })}
          </p>
        )}
      </form>
    </Panel>
  );
}
