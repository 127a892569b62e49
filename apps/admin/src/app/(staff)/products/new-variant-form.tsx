"use client";

import { inputClass, labelClass } from "@/components/page-header";
import { parseMoney } from "@/lib/money-input";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { Button } from "@omni/ui/button";
import { ErrorMessage } from "@omni/ui/error-message";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

/** Adds a size or colour to a product: SKU, EAN, options, price and unit cost. */
export function NewVariantForm({ productId, onCreated }: { productId: string; onCreated: () => void }) {
  const errorMessage = useErrorMessage();
  const t = useTranslations("products");
  const trpc = useTRPC();
  const [fields, setFields] = useState({ sku: "", ean: "", size: "", colour: "", price: "", cost: "" });
  const create = useMutation(
    trpc.products.createVariant.mutationOptions({
      onSuccess: () => {
        setFields({ sku: "", ean: "", size: "", colour: "", price: "", cost: "" });
        onCreated();
      },
    }),
  );
  const priceMinor = parseMoney(fields.price);
  const costMinor = fields.cost.trim() ? parseMoney(fields.cost) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (priceMinor == null) return;
    create.mutate({
      productId,
      sku: fields.sku.trim().toUpperCase(),
      ean: fields.ean.trim() || null,
      options: { size: fields.size.trim() || undefined, colour: fields.colour.trim() || undefined },
      priceMinor,
      unitCostMinor: costMinor,
    });
  };
  const field = (key: keyof typeof fields, label: string, extra: Record<string, unknown> = {}) => (
    <label className={labelClass}>
      {label}
      <input
        className={inputClass}
        value={fields[key]}
        onChange={(e) => setFields({ ...fields, [key]: e.target.value })}
        data-testid={`new-variant-${key}`}
        {...extra}
      />
    </label>
  );
  return (
    <form onSubmit={submit} className="mt-4 grid grid-cols-3 gap-3 border-t border-slate-100 pt-4">
      <h3 className="col-span-3 text-sm font-semibold">{t("addVariant")}</h3>
      {field("sku", "SKU", { required: true, maxLength: 64 })}
      {field("ean", "EAN", { inputMode: "numeric", maxLength: 13, pattern: "\\d{13}" })}
      {field("size", t("size"), { maxLength: 32 })}
      {field("colour", t("colour"), { maxLength: 32 })}
      {field("price", t("price"), { required: true, inputMode: "decimal" })}
      {field("cost", t("unitCost"), { inputMode: "decimal" })}
      <div className="col-span-3">
        <Button type="submit" busy={create.isPending} disabled={priceMinor == null} data-testid="new-variant-save">
          {t("addVariant")}
        </Button>
      </div>
      {create.isError && (
        <div className="col-span-3">
          <ErrorMessage message={errorMessage(create.error)} />
        </div>
      )}
    </form>
  );
}
