"use client";

import { newKioskIdempotencyKey, useContract } from "@/lib/contract";
import { useFriendlyError } from "@/lib/friendly-error";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { useState } from "react";

import { INPUT_LIMITS } from "@omni/core";
import { PickupCodeCard } from "@omni/ui/pickup-code-card";
import { useTRPC } from "@omni/ui/trpc";

import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { DoneLink, Screen } from "./screen";
import { TouchForm } from "./touch-form";

/** Reserve one unit of a variant at this store: pay and collect at the counter before it expires. */
export function ReserveScreen() {
  const t = useTranslations("reserve");
  const locale = useLocale();
  const format = useFormatter();
  const trpc = useTRPC();
  const contract = useContract();
  const friendly = useFriendlyError();
  const params = useSearchParams();
  const sku = params.get("sku") ?? "";
  const slug = params.get("slug") ?? "";
  const { kiosk, shopper } = useKiosk();
  const [values, setValues] = useState<Record<string, string>>({
    name: shopper?.name ?? "",
    email: shopper?.email ?? "",
  });
  const [idempotencyKey] = useState(newKioskIdempotencyKey);
  const product = useQuery({
    ...trpc.catalog.product.queryOptions({ slug, locale: locale === "pl" ? "pl" : "en" }),
    enabled: !!slug,
  });
  const variant = product.data?.variants.find((v) => v.sku === sku);
  const reserve = useMutation({
    mutationFn: () =>
      contract.reservations.create.mutate({
        storeId: kiosk.storeId,
        lines: [{ sku, quantity: 1 }],
        email: (values.email ?? "").trim(),
        name: (values.name ?? "").trim(),
        phone: values.phone?.trim() || undefined,
        idempotencyKey,
        locale: locale === "pl" ? "pl" : "en",
      }),
  });

  if (reserve.data) {
    return (
      <Screen title={t("doneTitle")} testId="reservation-confirmation">
        <div data-testid="reserved-item">
          <p className="text-4xl font-semibold leading-tight">{product.data?.title ?? slug}</p>
          <p className="mt-2 text-3xl text-slate-700">{t("reservedItem", { variant: variant?.title ?? sku })}</p>
        </div>
        <div className="[zoom:1.4]">
          <PickupCodeCard
            code={reserve.data.code}
            title={t("code")}
            testId="reservation-code"
            locale={locale}
            store={{ name: kiosk.storeName, city: kiosk.city, pickupPoint: kiosk.pickupPoint ?? undefined }}
            note={t("until", {
              time: format.dateTime(new Date(reserve.data.expiresAt), { dateStyle: "medium", timeStyle: "short" }),
            })}
          />
        </div>
        <DoneLink label={t("done")} />
      </Screen>
    );
  }
  return (
    <Screen title={t("title")} help={t("help", { store: kiosk.storeName })} testId="reserve-screen">
      <p data-testid="reserve-item" className="text-3xl font-semibold">
        {product.data?.title ?? slug} {variant && <span className="text-slate-600">· {variant.title}</span>}
      </p>
      <TouchForm
        fields={[
          { name: "name", label: t("name"), testId: "reserve-name" },
          { name: "email", label: t("email"), kind: "email", testId: "reserve-email", maxLength: INPUT_LIMITS.email },
          { name: "phone", label: t("phone"), testId: "reserve-phone", optional: true, maxLength: 40 },
        ]}
        values={values}
        onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
        onSubmit={() => reserve.mutate()}
        submitLabel={t("submit")}
        submitTestId="reserve-submit"
        busy={reserve.isPending}
        blocked={!sku}
      >
        {reserve.error && <KioskError message={friendly(reserve.error)} />}
      </TouchForm>
    </Screen>
  );
}
