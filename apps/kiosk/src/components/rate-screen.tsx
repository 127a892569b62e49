"use client";

import { useContract } from "@/lib/contract";
import { useFriendlyError } from "@/lib/friendly-error";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";

import { lineNameIn } from "@omni/ui/line-title";

import { KioskError } from "./kiosk-error";
import { OrderLookup } from "./order-lookup";
import { DoneLink, Screen } from "./screen";

type Found = { orderNumber: string; email: string; products: { slug: string; title: string }[] };

/** After a pickup: find the order (scan its QR or type it), then tap one to five stars for each product. */
export function RateScreen() {
  const t = useTranslations("rate");
  const contract = useContract();
  const locale = useLocale();
  const friendly = useFriendlyError();
  const [found, setFound] = useState<Found | null>(null);
  const [rated, setRated] = useState<Record<string, number>>({});

  const lookUp = useMutation({
    mutationFn: async (input: { orderNumber: string; email: string }): Promise<Found> => {
      const order = await contract.orders.get.query(input);
      const products = order.lines
        .filter((l) => l.slug && l.declinedQuantity < l.quantity)
        .map((l) => ({ slug: l.slug!, title: lineNameIn(locale, l).product }))
        .filter((p, i, all) => all.findIndex((o) => o.slug === p.slug) === i);
      return { orderNumber: order.orderNumber, email: input.email, products };
    },
    onSuccess: setFound,
  });
  const rate = useMutation({
    mutationFn: (input: { slug: string; rating: number }) =>
      contract.reviews.create.mutate({ orderNumber: found!.orderNumber, email: found!.email, ...input }),
    onSuccess: (_answer, input) => setRated((r) => ({ ...r, [input.slug]: input.rating })),
  });

  if (found) {
    return (
      <Screen title={t("chooseTitle", { order: found.orderNumber })} help={t("chooseHelp")} testId="rate-products">
        <ul className="flex flex-col gap-6">
          {found.products.map((product) => (
            <li key={product.slug} data-testid="rate-product" data-slug={product.slug} className="flex flex-col gap-3">
              <p className="text-3xl font-semibold">{product.title}</p>
              {rated[product.slug] ? (
                <p data-testid="rated" className="text-3xl text-emerald-800">
                  {t("thanks", { count: rated[product.slug]! })}
                </p>
              ) : (
                <div className="flex gap-3" role="group" aria-label={t("stars")}>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <button
                      key={n}
                      type="button"
                      data-testid={`kiosk-star-${n}`}
                      aria-label={t("starsCount", { count: n })}
                      disabled={rate.isPending}
                      onClick={() => rate.mutate({ slug: product.slug, rating: n })}
                      className="min-h-24 min-w-24 rounded-2xl text-6xl text-amber-500 ring-2 ring-inset ring-slate-300 active:bg-amber-50"
                    >
                      {"★".repeat(1)}
                      <span className="block text-2xl text-slate-700">{n}</span>
                    </button>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
        {rate.error && <KioskError message={friendly(rate.error, "order")} />}
        <DoneLink label={t("done")} />
      </Screen>
    );
  }

  return (
    <Screen title={t("title")} help={t("help")} testId="rate-screen">
      <OrderLookup namespace="rate" testIdPrefix="rate" lookUp={lookUp} />
    </Screen>
  );
}
