"use client";

import { inputClass, labelClass, Panel, tableClass } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useStaff } from "@/components/staff-context";
import { parseMoney } from "@/lib/money-input";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { INPUT_LIMITS, minorToDecimal } from "@omni/core";
import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { NewVariantForm } from "./new-variant-form";
import { ProductImages } from "./product-images";

/** Title, description, category and visibility of a product, and the price of each variant. */
export function ProductEditor({ productId }: { productId: string }) {
  const trpc = useTRPC();
  const product = useQuery(trpc.products.get.queryOptions({ productId }));
  if (product.isPending || product.isError) return <QueryState query={product} />;
  return <Editor product={product.data} />;
}

type Product = {
  id: string;
  title: string;
  titlePl: string;
  description: string;
  descriptionPl: string;
  images: { id: string; colour: string | null; width: number; height: number }[];
  categorySlug: string;
  active: boolean;
  featured: boolean;
  vatRate: number;
  slug: string;
  variants: {
    sku: string;
    title: string;
    priceMinor: number;
    currency: string;
    active: boolean;
    options: { size?: string; colour?: string };
  }[];
};

function Editor({ product }: { product: Product }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("products");
  const locale = useLocale();
  const { role } = useStaff();
  const admin = role === "admin";
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const categories = useQuery(trpc.catalog.categories.queryOptions());
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.products.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.products.get.queryKey() });
  };
  const update = useMutation(trpc.products.update.mutationOptions({ onSuccess: refresh }));
  const [title, setTitle] = useState(product.title);
  const [titlePl, setTitlePl] = useState(product.titlePl);
  const [description, setDescription] = useState(product.description);
  const [descriptionPl, setDescriptionPl] = useState(product.descriptionPl);
  const [category, setCategory] = useState(product.categorySlug);
  const [active, setActive] = useState(product.active);
  const [featured, setFeatured] = useState(product.featured);
  const [vatRate, setVatRate] = useState(product.vatRate as 23 | 8 | 5 | 0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({
      productId: product.id,
      title,
      titlePl,
      description,
      descriptionPl,
      categorySlug: category,
      active,
      featured,
      vatRate,
    });
  };
  return (
    <div className="flex flex-col gap-5">
      <Panel title={product.title} testId="product-editor">
        {!admin && <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("adminsOnly")}</p>}
        <form onSubmit={submit} className="flex flex-col gap-3">
          <fieldset disabled={!admin} className="flex flex-col gap-3">
            <label className={labelClass}>
              {t("titleField")}
              <input
                className={inputClass}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                required
                maxLength={200}
                data-testid="product-title"
              />
            </label>
            <label className={labelClass}>
              {t("titlePlField")}
              <input
                className={inputClass}
                value={titlePl}
                onChange={(e) => setTitlePl(e.target.value)}
                required
                maxLength={200}
                lang="pl"
                data-testid="product-title-pl"
              />
            </label>
            <label className={labelClass}>
              {t("descriptionPlField")}
              <textarea
                className={`${inputClass} min-h-28`}
                value={descriptionPl}
                onChange={(e) => setDescriptionPl(e.target.value)}
                maxLength={INPUT_LIMITS.description}
                lang="pl"
                data-testid="product-description-pl"
              />
            </label>
            <label className={labelClass}>
              {t("descriptionField")}
              <textarea
                className={`${inputClass} min-h-28`}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                maxLength={INPUT_LIMITS.description}
                data-testid="product-description"
              />
            </label>
            <label className={labelClass}>
              {t("category")}
              <select
                className={inputClass}
                value={category}
                onChange={(e) => setCategory(e.target.value)}
                data-testid="product-category"
              >
                {(
                  categories.data ?? [
                    { slug: product.categorySlug, name: product.categorySlug, namePl: product.categorySlug },
                  ]
                ).map((c) => (
                  <option key={c.slug} value={c.slug}>
                    {locale === "pl" ? c.namePl : c.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="flex flex-col gap-1 text-sm">
              {t("vatRate")}
              <select
                value={vatRate}
                onChange={(e) => setVatRate(Number(e.target.value) as 23 | 8 | 5 | 0)}
                className="min-h-10 w-40 rounded-lg px-2 ring-1 ring-inset ring-slate-300"
                data-testid="product-vat-rate"
              >
                {[23, 8, 5, 0].map((rate) => (
                  <option key={rate} value={rate}>
                    {rate}%
                  </option>
                ))}
              </select>
            </label>
            <div className="flex gap-6">
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={active}
                  onChange={(e) => setActive(e.target.checked)}
                  className="h-4 w-4"
                  data-testid="product-active"
                />
                {t("activeField")}
              </label>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={featured}
                  onChange={(e) => setFeatured(e.target.checked)}
                  className="h-4 w-4"
                />
                {t("featured")}
              </label>
            </div>
            {admin && (
              <div className="flex items-center gap-3">
                <Button type="submit" busy={update.isPending} data-testid="product-save">
                  {t("save")}
                </Button>
                {update.isSuccess && (
                  <span role="status" className="text-sm text-emerald-700">
                    {t("saved")}
                  </span>
                )}
              </div>
            )}
          </fieldset>
          {update.isError && <ErrorMessage message={errorMessage(update.error)} />}
        </form>
      </Panel>
      <Panel title={t("variants")}>
        <table className={tableClass}>
          <thead className="border-b border-slate-200">
            <tr>
              <th>SKU</th>
              <th>{t("variant")}</th>
              <th>{t("price")}</th>
              <th>{t("activeField")}</th>
              <th />
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {product.variants.map((v) => (
              <VariantRow key={v.sku} variant={v} editable={admin} onSaved={refresh} />
            ))}
          </tbody>
        </table>
        {admin && <NewVariantForm productId={product.id} onCreated={refresh} />}
      </Panel>
      <ProductImages
        productId={product.id}
        images={product.images}
        colours={[...new Set(product.variants.flatMap((v) => (v.options.colour ? [v.options.colour] : [])))]}
        editable={admin}
        onChanged={refresh}
      />
    </div>
  );
}

function VariantRow({
  variant,
  editable,
  onSaved,
}: {
  variant: Product["variants"][number];
  editable: boolean;
  onSaved: () => void;
}) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("products");
  const trpc = useTRPC();
  const save = useMutation(trpc.products.updateVariant.mutationOptions({ onSuccess: onSaved }));
  const [price, setPrice] = useState(minorToDecimal(variant.priceMinor));
  const [active, setActive] = useState(variant.active);
  const priceMinor = parseMoney(price);
  const changed = priceMinor !== variant.priceMinor || active !== variant.active;
  return (
    <tr data-testid={`variant-row-${variant.sku}`}>
      <td className="font-mono text-xs">{variant.sku}</td>
      <td>{variant.title}</td>
      <td>
        <input
          className={`${inputClass} w-28 ${priceMinor == null ? "border-red-500" : ""}`}
          value={price}
          disabled={!editable}
          inputMode="decimal"
          onChange={(e) => setPrice(e.target.value)}
          aria-label={`${t("price")} ${variant.sku}`}
          aria-invalid={priceMinor == null}
          data-testid={`variant-price-${variant.sku}`}
        />
      </td>
      <td>
        <input
          type="checkbox"
          className="h-4 w-4"
          checked={active}
          disabled={!editable}
          onChange={(e) => setActive(e.target.checked)}
          aria-label={`${t("activeField")} ${variant.sku}`}
        />
      </td>
      <td className="text-right">
        {editable && (
          <Button
            variant="secondary"
            disabled={!changed || priceMinor == null}
            busy={save.isPending}
            onClick={() => priceMinor != null && save.mutate({ sku: variant.sku, priceMinor, active })}
            data-testid={`variant-save-${variant.sku}`}
          >
            {t("save")}
          </Button>
        )}
        {save.isError && <p className="text-sm text-red-700">{errorMessage(save.error)}</p>}
        {save.isSuccess && !changed && <p className="text-sm text-emerald-700">{t("saved")}</p>}
      </td>
    </tr>
  );
}
