"use client";

import { useContract } from "@/lib/contract";
import { useFriendlyError } from "@/lib/friendly-error";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";

import { formatMoney } from "@omni/core";
import { EmptyState } from "@omni/ui/empty-state";
import { QrCode } from "@omni/ui/qr-code";
import { Spinner } from "@omni/ui/spinner";

import { ConfirmAction, ConfirmPanel } from "./confirm-action";
import { KioskError } from "./kiosk-error";
import { useKiosk } from "./kiosk-session";
import { QuantityStepper } from "./quantity-stepper";
import { Screen } from "./screen";

export function CartScreen({ shopUrl }: { shopUrl: string }) {
  const t = useTranslations("cart");
  const locale = useLocale();
  const contract = useContract();
  const queryClient = useQueryClient();
  const friendly = useFriendlyError();
  const { cartId } = useKiosk();
  const key = ["contract", "cart.get", cartId];
  const cart = useQuery({
    queryKey: key,
    queryFn: () => contract.cart.get.query({ cartId: cartId! }),
    enabled: !!cartId,
  });
  const setQuantity = useMutation({
    mutationFn: (input: { sku: string; quantity: number }) =>
      contract.cart.setQuantity.mutate({ cartId: cartId!, ...input }),
    // A read that started before the change would land after it with the old cart: drop it first.
    onSuccess: async (data) => {
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData(key, data);
    },
  });
  // Emptying the cart takes each line away with the same procedure as its −, then shows the empty cart.
  const emptyCart = useMutation({
    mutationFn: async (skus: string[]) => {
      let last = null;
      for (const sku of skus) last = await contract.cart.setQuantity.mutate({ cartId: cartId!, sku, quantity: 0 });
      return last;
    },
    onSuccess: async (data) => {
      await queryClient.cancelQueries({ queryKey: key });
      if (data) queryClient.setQueryData(key, data);
    },
  });
  const [removing, setRemoving] = useState<string | null>(null);
  const handoff = useMutation({ mutationFn: () => contract.cart.handoff.mutate({ cartId: cartId! }) });

  const resume = (
    <Link
      href="/cart/resume"
      data-testid="resume-cart-link"
      className="flex min-h-16 items-center text-2xl font-semibold text-sky-800 underline"
    >
      {t("resumeLink")}
    </Link>
  );
  if (!cartId) {
    return (
      <Screen title={t("title")} testId="cart-screen">
        <EmptyState title={t("empty")} action={resume}>
          <span className="text-2xl">{t("emptyHelp")}</span>
        </EmptyState>
      </Screen>
    );
  }
  return (
    <Screen title={t("title")} testId="cart-screen">
      {cart.isPending ? (
        <Spinner locale={locale} className="text-2xl" />
      ) : cart.error ? (
        <KioskError message={friendly(cart.error)} onRetry={() => void cart.refetch()} />
      ) : cart.data.lines.length === 0 ? (
        <EmptyState title={t("empty")} action={resume}>
          <span className="text-2xl">{t("emptyHelp")}</span>
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-200 rounded-3xl ring-2 ring-slate-200">
            {cart.data.lines.map((line) => (
              <li
                key={line.sku}
                data-testid="cart-line"
                data-sku={line.sku}
                className="flex items-center gap-6 px-6 py-5"
              >
                <div className="min-w-0 flex-1">
                  <p className="text-3xl font-semibold leading-tight">{line.productTitle}</p>
                  <p className="text-xl text-slate-600">
                    {line.title} · {formatMoney(line.unitPriceMinor, cart.data.currency, locale)}
                  </p>
                </div>
                <QuantityStepper
                  value={line.quantity}
                  lessLabel={t("less")}
                  moreLabel={t("more")}
                  disabled={setQuantity.isPending}
                  // The last unit's − takes the line away: the shopper is asked first.
                  onChange={(quantity) =>
                    quantity === 0 ? setRemoving(line.sku) : setQuantity.mutate({ sku: line.sku, quantity })
                  }
                />
                <span className="w-44 text-right text-3xl font-semibold">
                  {formatMoney(line.totalMinor, cart.data.currency, locale)}
                </span>
              </li>
            ))}
          </ul>
          {removing && (
            <ConfirmPanel
              testId="remove-line"
              question={t("removeQuestion", {
                item: cart.data.lines.find((l) => l.sku === removing)?.productTitle ?? removing,
              })}
              confirmLabel={t("removeYes")}
              keepLabel={t("keep")}
              busy={setQuantity.isPending}
              onKeep={() => setRemoving(null)}
              onConfirm={() => {
                setQuantity.mutate({ sku: removing, quantity: 0 });
                setRemoving(null);
              }}
            />
          )}
          {setQuantity.error && <KioskError message={friendly(setQuantity.error)} />}
          {emptyCart.error && <KioskError message={friendly(emptyCart.error)} />}
          <dl className="flex flex-col gap-2 text-3xl">
            {cart.data.discountMinor > 0 && (
              <div className="flex justify-between text-emerald-800">
                <dt>{t("discount")}</dt>
                <dd>−{formatMoney(cart.data.discountMinor, cart.data.currency, locale)}</dd>
              </div>
            )}
            <div className="flex justify-between text-5xl font-bold">
              <dt>{t("total")}</dt>
              <dd data-testid="cart-total">{formatMoney(cart.data.totalMinor, cart.data.currency, locale)}</dd>
            </div>
          </dl>
          <Link
            href="/checkout"
            data-testid="checkout"
            className="flex min-h-24 items-center justify-center rounded-2xl bg-slate-900 text-4xl font-semibold text-white active:bg-slate-700"
          >
            {t("checkout")}
          </Link>
          <section className="flex flex-col gap-4 rounded-3xl bg-slate-50 p-8">
            <h2 className="text-3xl font-semibold">{t("toPhone")}</h2>
            {handoff.data ? (
              <div className="flex items-center gap-8">
                <div
                  data-testid="handoff-qr"
                  data-url={`${shopUrl}/handoff?code=${encodeURIComponent(handoff.data.code)}`}
                  className="rounded-xl bg-white p-3"
                >
                  <QrCode
                    value={`${shopUrl}/handoff?code=${encodeURIComponent(handoff.data.code)}`}
                    size={220}
                    label={t("toPhone")}
                  />
                </div>
                <div>
                  <p className="text-2xl text-slate-600">{t("toPhoneCode")}</p>
                  <p data-testid="handoff-code" className="font-mono text-6xl font-bold tracking-widest">
                    {handoff.data.code}
                  </p>
                </div>
              </div>
            ) : (
              <button
                type="button"
                data-testid="handoff"
                onClick={() => handoff.mutate()}
                disabled={handoff.isPending}
                className="min-h-20 rounded-2xl text-3xl font-semibold ring-2 ring-inset ring-slate-300"
              >
                {t("toPhoneButton")}
              </button>
            )}
            {handoff.error && <KioskError message={friendly(handoff.error)} />}
          </section>
          <ConfirmAction
            testId="empty-cart"
            label={t("emptyCart")}
            question={t("emptyQuestion", { count: cart.data.lines.reduce((n, l) => n + l.quantity, 0) })}
            confirmLabel={t("emptyYes")}
            keepLabel={t("keep")}
            busy={emptyCart.isPending}
            onConfirm={() => emptyCart.mutate(cart.data.lines.map((l) => l.sku))}
          />
          {resume}
        </>
      )}
    </Screen>
  );
}
