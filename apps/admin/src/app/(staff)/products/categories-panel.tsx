"use client";

import { inputClass, labelClass, Panel, tableClass } from "@/components/page-header";
import { QueryState } from "@/components/query-state";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** Categories with their English and Polish names; a new one goes last. */
export function CategoriesPanel() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("products");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.catalog.categories.queryOptions());
  const [fields, setFields] = useState({ slug: "", name: "", namePl: "", finalSale: false });
  const create = useMutation(
    trpc.categories.create.mutationOptions({
      onSuccess: () => {
        setFields({ slug: "", name: "", namePl: "", finalSale: false });
        void queryClient.invalidateQueries({ queryKey: trpc.catalog.categories.queryKey() });
      },
    }),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(fields);
  };
  return (
    <Panel title={t("categories")} testId="categories-panel">
      {list.isPending || list.isError ? (
        <QueryState query={list} />
      ) : (
        <table className={tableClass}>
          <thead className="border-b border-slate-200">
            <tr>
              <th>{t("categorySlug")}</th>
              <th>{t("nameEn")}</th>
              <th>{t("namePl")}</th>
              <th>{t("finalSale")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {list.data.map((c) => (
              <tr key={c.slug} data-testid={`category-row-${c.slug}`}>
                <td className="font-mono text-xs">{c.slug}</td>
                <td>{c.name}</td>
                <td lang="pl">{c.namePl}</td>
                <td>{c.finalSale ? "✓" : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={submit} className="mt-4 grid grid-cols-2 gap-3">
        <label className={labelClass}>
          {t("categorySlug")}
          <input
            className={inputClass}
            value={fields.slug}
            onChange={(e) => setFields({ ...fields, slug: e.target.value.toLowerCase() })}
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            maxLength={120}
            data-testid="category-slug"
          />
        </label>
        <label className={labelClass}>
          {t("nameEn")}
          <input
            className={inputClass}
            value={fields.name}
            onChange={(e) => setFields({ ...fields, name: e.target.value })}
            required
            maxLength={100}
            data-testid="category-name"
          />
        </label>
        <label className={labelClass}>
          {t("namePl")}
          <input
            className={inputClass}
            lang="pl"
            value={fields.namePl}
            onChange={(e) => setFields({ ...fields, namePl: e.target.value })}
            required
            maxLength={100}
            data-testid="category-name-pl"
          />
        </label>
        <label className="flex items-center gap-2 self-end text-sm">
          <input
            type="checkbox"
            className="h-4 w-4"
            checked={fields.finalSale}
            onChange={(e) => setFields({ ...fields, finalSale: e.target.checked })}
          />
          {t("finalSale")}
        </label>
        <div className="col-span-2">
          <Button type="submit" busy={create.isPending} data-testid="category-save">
            {t("addCategory")}
          </Button>
        </div>
        {create.isError && (
          <div className="col-span-2">
            <ErrorMessage message={errorMessage(create.error)} />
          </div>
        )}
      </form>
    </Panel>
  );
}
