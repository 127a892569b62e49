"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";

import { formatMoney } from "@omni/core";
import { Button } from "@omni/ui/button";
import { EmptyState } from "@omni/ui/empty-state";
import { ErrorMessage } from "@omni/ui/error-message";
import { PickupCodeCard } from "@omni/ui/pickup-code-card";
import { Price } from "@omni/ui/price";
import { ProductImage } from "@omni/ui/product-image";
import { Spinner } from "@omni/ui/spinner";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { useCart, type CartView } from "./cart-context";
import { RecommendedProducts } from "./recommended-products";
import { TextField } from "./text-field";

/** The most units of a SKU any one place (home delivery or a store) can supply now. */
function bestSupply(
  options:
    | {
        delivery: { lines: { sku: string; available: number }[] };
        stores: { lines: { sku: string; available: number }[] }[];
      }
    | undefined,
) {
  const best = new Map<string, number>();
  if (!options) return best;
  for (const line of [...options.delivery.lines, ...options.stores.flatMap((s) => s.lines)])
    best.set(line.sku, Math.max(best.get(line.sku) ?? 0, line.available));
  return best;
}

export function CartScreen() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("cart");
  const locale = useLocale();
  const trpc = useTRPC();
  const cart = useCart();
  const [lineErrors, setLineErrors] = useState<Record<string, string>>({});
  const [busySku, setBusySku] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const [codeError, setCodeError] = useState<string | null>(null);
  const [codeBusy, setCodeBusy] = useState(false);
  const handoff = useMutation(trpc.cart.handoff.mutationOptions());
  const hasLines = !!cart.cart?.lines.length;
  const options = useQuery({
    ...trpc.checkout.pickupOptions.queryOptions({ cartId: cart.cartId ?? "" }),
    enabled: !!cart.cartId && hasLines,
    staleTime: 0,
  });
  const supply = bestSupply(options.data);

  if (cart.loading) return <Spinner locale={locale} />;
  if (cart.error && !cart.cart) return <ErrorMessage message={errorMessage(cart.error)} locale={locale} />;
  const view: CartView | undefined = cart.cart?.status === "open" ? cart.cart : undefined;
  if (!view || view.lines.length === 0) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <EmptyState
          title={t("empty")}
          action={
            <Link href="/" className="font-semibold text-sky-800 underline">
              {t("shop")}
            </Link>
          }
        >
          <p>{t("emptyHint")}</p>
          <p className="mt-2">
            <Link href="/handoff" className="font-semibold text-sky-800 underline">
              {t("haveCode")}
            </Link>
          </p>
        </EmptyState>
      </div>
    );
  }

  const change = async (sku: string, quantity: number) => {
    setBusySku(sku);
    setLineErrors(({ [sku]: _, ...rest }) => rest);
    try {
      await cart.setQuantity(sku, quantity);
      void options.refetch();
    } catch (error) {
      setLineErrors((e) => ({ ...e, [sku]: errorMessage(error) }));
    } finally {
      setBusySku(null);
    }
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <section className="space-y-4">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {view.lines.map((line) => {
            const best = supply.get(line.sku);
            const short = best != null && best < line.quantity;
            return (
              <li
                key={line.sku}
                data-testid="cart-line"
                data-sku={line.sku}
                data-quantity={line.quantity}
                className="flex gap-3 p-3"
              >
                <Link
                  href={`/p/${line.slug}?sku=${encodeURIComponent(line.sku)}`}
                  className="w-20 shrink-0 overflow-hidden rounded-lg"
                >
                  <ProductImage title={line.productTitle} hue={line.imageHue} />
                </Link>
                <div className="min-w-0 flex-1 space-y-1">
                  <p className="font-semibold">{line.productTitle}</p>
                  <p className="text-sm text-slate-600">{line.title}</p>
                  <Price
                    priceMinor={line.unitPriceMinor}
                    listPriceMinor={line.listPriceMinor}
                    currency={line.currency}
                    locale={locale}
                    size="sm"
                  />
                  <div className="flex flex-wrap items-center gap-2 pt-1">
                    <div
                      className="flex items-center rounded-lg ring-1 ring-inset ring-slate-300"
                      role="group"
                      aria-label={t("quantityOf", { title: line.title })}
                    >
                      <button
                        type="button"
                        data-testid="line-decrease"
                        aria-label={t("decrease")}
                        disabled={busySku === line.sku || line.quantity <= 1}
                        onClick={() => change(line.sku, line.quantity - 1)}
                        className="h-11 w-11 text-lg font-bold disabled:text-slate-300"
                      >
                        −
                      </button>
                      <span
                        data-testid="line-quantity"
                        aria-live="polite"
                        className="min-w-8 text-center font-semibold"
                      >
                        {line.quantity}
                      </span>
                      <button
                        type="button"
                        data-testid="line-increase"
                        aria-label={t("increase")}
                        disabled={busySku === line.sku}
                        onClick={() => change(line.sku, line.quantity + 1)}
                        className="h-11 w-11 text-lg font-bold disabled:text-slate-300"
                      >
                        +
                      </button>
                    </div>
                    <button
                      type="button"
                      data-testid="line-remove"
                      disabled={busySku === line.sku}
                      onClick={() => change(line.sku, 0)}
                      className="min-h-11 px-2 text-sm font-semibold text-red-800 underline"
                    >
                      {t("remove")}
                    </button>
                    <span className="ml-auto font-semibold">{formatMoney(line.totalMinor, line.currency, locale)}</span>
                  </div>
                  {short && (
                    <p
                      role="alert"
                      data-testid="line-unavailable"
                      className="rounded bg-amber-50 px-2 py-1 text-sm text-amber-900"
                    >
                      {best === 0 ? t("soldOut") : t("onlyLeft", { count: best })}{" "}
                      {best! > 0 && (
                        <button
                          type="button"
                          className="font-semibold underline"
                          onClick={() => change(line.sku, best!)}
                        >
                          {t("reduceTo", { count: best })}
                        </button>
                      )}
                    </p>
                  )}
                  {lineErrors[line.sku] && <ErrorMessage message={lineErrors[line.sku]!} locale={locale} />}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <aside className="space-y-4">
        <section className="space-y-2 rounded-xl border border-slate-200 p-4">
          <form
            className="flex items-end gap-2"
            onSubmit={async (e) => {
              e.preventDefault();
              setCodeBusy(true);
              setCodeError(null);
              try {
                await cart.applyCode(code.trim());
                setCode("");
              } catch (error) {
                setCodeError(errorMessage(error));
              } finally {
                setCodeBusy(false);
              }
            }}
          >
            <TextField
              id="discount-code"
              label={t("discountCode")}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              data-testid="discount-code"
              className="flex-1"
              autoCapitalize="characters"
            />
            <Button type="submit" variant="secondary" busy={codeBusy} disabled={!code.trim()} data-testid="apply-code">
              {t("apply")}
            </Button>
          </form>
          {codeError && <ErrorMessage message={codeError} locale={locale} />}
          {view.discountCode && (
            <p className="flex items-center justify-between text-sm" data-testid="applied-code">
              <span>{t("codeApplied", { code: view.discountCode.code, name: view.discountCode.name })}</span>
              <button
                type="button"
                className="font-semibold underline"
                onClick={() => cart.removeCode().catch((error) => setCodeError(errorMessage(error)))}
              >
                {t("removeCode")}
              </button>
            </p>
          )}
          <dl className="space-y-1 border-t border-slate-200 pt-3">
            <div className="flex justify-between">
              <dt>{t("subtotal")}</dt>
              <dd>{formatMoney(view.subtotalMinor, view.currency, locale)}</dd>
            </div>
            {view.discountMinor > 0 && (
              <div className="flex justify-between text-red-700">
                <dt>{t("discount")}</dt>
                <dd>−{formatMoney(view.discountMinor, view.currency, locale)}</dd>
              </div>
            )}
            <div className="flex justify-between text-lg font-bold">
              <dt>{t("total")}</dt>
              <dd data-testid="cart-total">{formatMoney(view.totalMinor, view.currency, locale)}</dd>
            </div>
          </dl>
          <Link
            href="/checkout"
            data-testid="go-to-checkout"
            className="flex min-h-12 w-full items-center justify-center rounded-lg bg-slate-900 text-lg font-semibold text-white hover:bg-slate-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
          >
            {t("checkout")}
          </Link>
        </section>

        <section className="space-y-3 rounded-xl border border-slate-200 p-4">
          <h2 className="font-semibold">{t("handoffTitle")}</h2>
          <p className="text-sm text-slate-700">{t("handoffText")}</p>
          {handoff.data ? (
            <PickupCodeCard
              code={handoff.data.code}
              locale={locale}
              title={t("handoffCode")}
              testId="handoff-code"
              note={t("handoffNote")}
            />
          ) : (
            <Button
              variant="secondary"
              data-testid="handoff-button"
              busy={handoff.isPending}
              onClick={() => handoff.mutate({ cartId: view.cartId })}
              className="w-full"
            >
              {t("handoffButton")}
            </Button>
          )}
          {handoff.error && <ErrorMessage message={errorMessage(handoff.error)} locale={locale} />}
        </section>
      </aside>
      <div className="lg:col-span-2">
        <RecommendedProducts mode="cart" />
      </div>
    </div>
  );
}
