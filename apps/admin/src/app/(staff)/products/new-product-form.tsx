"use client";

import { inputClass, labelClass, Panel } from "@/components/page-header";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** A new product, named in both languages; it starts withdrawn, so it can get variants and pictures first. */
export function NewProductForm({ onCreated }: { onCreated: (productId: string) => void }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("products");
  const locale = useLocale();
  const trpc = useTRPC();
  const categories = useQuery(trpc.catalog.categories.queryOptions({ locale: locale === "pl" ? "pl" : "en" }));
  const [fields, setFields] = useState({ title: "", titlePl: "", categorySlug: "" });
  const create = useMutation(trpc.products.create.mutationOptions({ onSuccess: (product) => onCreated(product.id) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ ...fields, categorySlug: fields.categorySlug || categories.data?.[0]?.slug || "" });
  };
  return (
    <Panel title={t("newProduct")} testId="new-product">
      <form onSubmit={submit} className="flex flex-col gap-3">
        <label className={labelClass}>
          {t("titleField")}
          <input
            className={inputClass}
            value={fields.title}
            onChange={(e) => setFields({ ...fields, title: e.target.value })}
            required
            maxLength={200}
            data-testid="new-product-title"
          />
        </label>
        <label className={labelClass}>
          {t("titlePlField")}
          <input
            className={inputClass}
            lang="pl"
            value={fields.titlePl}
            onChange={(e) => setFields({ ...fields, titlePl: e.target.value })}
            required
            maxLength={200}
            data-testid="new-product-title-pl"
          />
        </label>
        <label className={labelClass}>
          {t("category")}
          <select
            className={inputClass}
            value={fields.categorySlug}
            onChange={(e) => setFields({ ...fields, categorySlug: e.target.value })}
            data-testid="new-product-category"
          >
            {(categories.data ?? []).map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <p className="text-sm text-slate-600">{t("newProductHint")}</p>
        <div>
          <Button type="submit" busy={create.isPending} data-testid="new-product-save">
            {t("create")}
          </Button>
        </div>
        {create.isError && <ErrorMessage message={errorMessage(create.error)} />}
      </form>
    </Panel>
  );
}
