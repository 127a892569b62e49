"use client";

import { bigChoice, CashTendered } from "@/components/cash-tendered";
import { useLocations } from "@/components/location-name";
import { inputClass, labelClass, PageHeader, Panel } from "@/components/page-header";
import { QrScanner } from "@/components/qr-scanner";
import { useStaff } from "@/components/staff-context";
import { TillPayment } from "@/components/till-payment";
import { parseMoney } from "@/lib/money-input";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { formatMoney, newIdempotencyKey } from "@omni/core";
import { Button } from "@omni/ui/button";
import { EmptyState } from "@omni/ui/empty-state";
import { ErrorMessage } from "@omni/ui/error-message";
import { GiftCardCode, type AppliedGiftCard } from "@omni/ui/gift-card-code";
import { useErrorMessage, useTRPC } from "@omni/ui/trpc";

import { CounterMemberPanel, type CounterMember } from "./counter-member";
import { CounterOffers } from "./counter-offers";
import { CounterReceipt, type CounterSold } from "./counter-receipt";
import { CounterStock } from "./counter-stock";

type Handover = "take_now" | "delivery" | "locker" | "pickup";
type Pay = "card" | "blik" | "cash";

/**
 * Selling at the counter (`counter.sell`), for a touch screen: scan or type SKUs into a cart priced as
 * in every channel, see this store's stock and the others', name a member, take card, BLIK or cash
 * (with the change), and hand the goods over now or send them home, to a locker or to another store.
 */
export function CounterScreen() {
  const errorMessage = useErrorMessage();
  const t = useTranslations("counter");
  const locale = useLocale();
  const trpc = useTRPC();
  const client = useQueryClient();
  const { storeId } = useStaff();
  const [cartId, setCartId] = useState<string | null>(null);
  const [sku, setSku] = useState("");
  const [lastSku, setLastSku] = useState<string | null>(null);
  const [member, setMember] = useState<CounterMember | null>(null);
  const [usePoints, setUsePoints] = useState(false);
  const [handover, setHandover] = useState<Handover>("take_now");
  const [address, setAddress] = useState({ line1: "", city: "", postalCode: "" });
  const [lockerId, setLockerId] = useState("");
  const [pickupStore, setPickupStore] = useState("");
  const [contact, setContact] = useState({ name: "", email: "" });
  const [offers, setOffers] = useState(false);
  const [pay, setPay] = useState<Pay>("card");
  const [cardResult, setCardResult] = useState<"tok_ok" | "tok_declined">("tok_ok");
  const [blik, setBlik] = useState("");
  const [cashGiven, setCashGiven] = useState("");
  const [key, setKey] = useState(() => newIdempotencyKey("counter"));
  const [sold, setSold] = useState<CounterSold | null>(null);
  const [giftCard, setGiftCard] = useState<AppliedGiftCard | null>(null);

  const cart = useQuery({ ...trpc.cart.get.queryOptions({ cartId: cartId ?? "" }), enabled: !!cartId });
  const options = useQuery({
    ...trpc.checkout.options.queryOptions({ cartId: cartId ?? "" }),
    enabled: !!cartId && !!cart.data?.lines.length,
  });
  const allStores = useLocations();

  const create = useMutation(trpc.cart.create.mutationOptions());
  const line = useMutation(trpc.cart.setQuantity.mutationOptions());
  const setQuantity = useMutation({
    // The sale's cart is made at the first scan; every line of the sale goes into it.
    mutationFn: async (input: { sku: string; quantity: number }) => {
      const id = cartId ?? (await create.mutateAsync({})).cartId;
      if (!id) throw new Error(t("cartFailed"));
      return { id, cart: await line.mutateAsync({ cartId: id, ...input }) };
    },
    // A read of the cart that started before this write would land after it and show the cart as it was:
    // drop it, keep the write's answer, and only then show the sale's cart.
    onSuccess: async ({ id, cart: fresh }) => {
      const key = trpc.cart.get.queryKey({ cartId: id });
      await client.cancelQueries({ queryKey: key });
      client.setQueryData(key, fresh);
      setCartId(id);
    },
  });

  const sell = useMutation(trpc.counter.sell.mutationOptions());

  const addSku = (e?: FormEvent, scanned?: string) => {
    e?.preventDefault();
    const wanted = (scanned ?? sku).trim().toUpperCase();
    if (!wanted) return;
    const current = cart.data?.lines.find((l) => l.sku === wanted)?.quantity ?? 0;
    setLastSku(wanted);
    setSku("");
    setQuantity.mutate({ sku: wanted, quantity: current + 1 });
  };

  const lines = cart.data?.lines ?? [];
  const goodsMinor = cart.data?.totalMinor ?? 0;
  const currency = cart.data?.currency ?? "PLN";
  const shippingMinor =
    handover === "delivery" || handover === "locker"
      ? (options.data?.delivery.find((d) => d.type === (handover === "locker" ? "locker" : "courier"))?.priceMinor ?? 0)
      : 0;
  const pointValue = member?.pointValueMinor ?? 1;
  const pointsUsed = member && usePoints ? Math.min(member.points, Math.floor(goodsMinor / pointValue)) : 0;
  const beforeGiftMinor = goodsMinor + shippingMinor - pointsUsed * pointValue;
  // A gift card pays first, as much as it holds; the card, BLIK or the till takes the rest.
  const giftUsed = giftCard ? Math.max(0, Math.min(giftCard.balanceMinor, beforeGiftMinor)) : 0;
  const toPayMinor = beforeGiftMinor - giftUsed;
  const givenMinor = parseMoney(cashGiven);
  const changeMinor = pay === "cash" && givenMinor !== null ? givenMinor - toPayMinor : null;
  const money = (minor: number) => formatMoney(minor, currency, locale);

  const reset = () => {
    setCartId(null);
    setLastSku(null);
    setMember(null);
    setUsePoints(false);
    setGiftCard(null);
    setHandover("take_now");
    setOffers(false);
    // The next shopper starts with an empty form: no address of the one before.
    setContact({ name: "", email: "" });
    setCashGiven("");
    setBlik("");
    setSold(null);
    setKey(newIdempotencyKey("counter"));
    sell.reset();
  };

  const needsContact = handover !== "take_now" && !member;

  const submit = () => {
    if (!cartId) return;
    // Only an address the form shows (for the delivery, or for the offers) goes with the sale.
    const typedEmail = needsContact || (offers && !member) ? contact.email.trim() || undefined : undefined;
    const fulfillment =
      handover === "take_now"
        ? { type: "take_now" as const }
        : handover === "delivery"
          ? { type: "delivery" as const, address: { ...address, country: "PL" }, method: "courier" as const }
          : handover === "locker"
            ? { type: "locker" as const, lockerId }
            : { type: "pickup" as const, storeId: pickupStore };
    const gift = giftCard ? { giftCardCode: giftCard.code } : {};
    const payment =
      giftCard && toPayMinor <= 0
        ? { method: "gift_card" as const, ...gift }
        : pay === "card"
          ? { method: "card" as const, token: cardResult, ...gift }
          : pay === "blik"
            ? { method: "blik" as const, code: blik.replace(/\D/g, ""), ...gift }
            : { method: "cash" as const, ...gift };
    sell.mutate(
      {
        storeId,
        cartId,
        memberEmail: member?.email,
        email: typedEmail,
        name: contact.name.trim() || undefined,
        fulfillment,
        payment,
        redeemPoints: pointsUsed > 0 ? pointsUsed : undefined,
        marketingEmail: offers || undefined,
        locale: locale === "pl" ? "pl" : "en",
        idempotencyKey: key,
      },
      {
        onSuccess: (result) =>
          setSold({
            ...result,
            email: typedEmail || member?.email || "walk-in@counter.invalid",
            changeMinor: pay === "cash" && changeMinor !== null ? changeMinor : null,
          }),
        onError: () => setKey(newIdempotencyKey("counter")),
      },
    );
  };

  if (sold) {
    return (
      <>
        <PageHeader title={t("title")} />
        <div className="max-w-2xl">
          <CounterReceipt sold={sold} onNext={reset} />
        </div>
      </>
    );
  }

  const cashShort = pay === "cash" && toPayMinor > 0 && (changeMinor === null || changeMinor < 0);
  // A "yes" to offers needs an address to send the confirmation link to.
  const offersWithoutEmail = offers && !member && !contact.email.trim();
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid grid-cols-[minmax(0,7fr)_minmax(0,5fr)] items-start gap-5 max-lg:grid-cols-1">
        <div className="space-y-5">
          <Panel title={t("cart")} testId="counter-cart">
            <form onSubmit={addSku} className="flex flex-wrap gap-2">
              <input
                className={`${inputClass} min-h-14 min-w-48 flex-1 font-mono text-xl uppercase`}
                value={sku}
                onChange={(e) => setSku(e.target.value)}
                placeholder={t("skuPlaceholder")}
                aria-label={t("skuLabel")}
                autoComplete="off"
                autoFocus
                maxLength={64}
                data-testid="counter-sku"
              />
              <Button type="submit" size="lg" busy={setQuantity.isPending} data-testid="counter-add">
                {t("add")}
              </Button>
              <QrScanner testId="counter-scan" onCode={(code) => addSku(undefined, code)} />
            </form>
            {setQuantity.error && <ErrorMessage message={errorMessage(setQuantity.error)} locale={locale} />}
            {lines.length === 0 ? (
              <div className="mt-4">
                <EmptyState title={t("emptyCart")} />
              </div>
            ) : (
              <ul className="mt-4 divide-y divide-slate-200" data-testid="counter-lines">
                {lines.map((l) => (
                  <li key={l.sku} className="flex items-center gap-3 py-3" data-testid="counter-line" data-sku={l.sku}>
                    <button
                      type="button"
                      className="min-w-0 flex-1 text-left"
                      onClick={() => setLastSku(l.sku)}
                      aria-label={t("showStock", { sku: l.sku })}
                    >
                      <span className="block font-mono font-semibold">{l.sku}</span>
                      <span className="text-sm text-slate-600">{money(l.unitPriceMinor)}</span>
                    </button>
                    <Button
                      variant="secondary"
                      size="lg"
                      aria-label={t("less", { sku: l.sku })}
                      onClick={() => setQuantity.mutate({ sku: l.sku, quantity: l.quantity - 1 })}
                    >
                      −
                    </Button>
                    <span className="w-8 text-center text-xl font-bold" data-testid="counter-line-quantity">
                      {l.quantity}
                    </span>
                    <Button
                      variant="secondary"
                      size="lg"
                      aria-label={t("more", { sku: l.sku })}
                      onClick={() => setQuantity.mutate({ sku: l.sku, quantity: l.quantity + 1 })}
                    >
                      +
                    </Button>
                    <span className="w-28 text-right font-semibold">{money(l.totalMinor)}</span>
                  </li>
                ))}
              </ul>
            )}
            {cart.data && cart.data.discountMinor > 0 && (
              <p className="mt-2 text-right text-red-700">
                {t("discount")}: −{money(cart.data.discountMinor)}
              </p>
            )}
          </Panel>
          {lastSku && <CounterStock sku={lastSku} storeId={storeId} stores={allStores.data ?? []} />}
          <CounterMemberPanel member={member} onMember={setMember} />
        </div>

        <div className="space-y-5">
          <Panel title={t("handover")} testId="counter-handover">
            <div className="grid grid-cols-2 gap-2">
              {(["take_now", "delivery", "locker", "pickup"] as const).map((h) => (
                <button
                  key={h}
                  type="button"
                  className={bigChoice(handover === h)}
                  aria-pressed={handover === h}
                  onClick={() => setHandover(h)}
                  data-testid={`counter-handover-${h}`}
                >
                  {t(`handovers.${h}`)}
                </button>
              ))}
            </div>
            {handover === "delivery" && (
              <div className="mt-3 grid gap-2">
                {(["line1", "postalCode", "city"] as const).map((f) => (
                  <label key={f} className={labelClass}>
                    {t(`address.${f}`)}
                    <input
                      className={`${inputClass} min-h-12`}
                      value={address[f]}
                      onChange={(e) => setAddress((a) => ({ ...a, [f]: e.target.value }))}
                      data-testid={`counter-address-${f}`}
                    />
                  </label>
                ))}
              </div>
            )}
            {handover === "locker" && (
              <label className={`${labelClass} mt-3`}>
                {t("lockerId")}
                <input
                  className={`${inputClass} min-h-12 font-mono`}
                  value={lockerId}
                  onChange={(e) => setLockerId(e.target.value)}
                  data-testid="counter-locker"
                />
              </label>
            )}
            {handover === "pickup" && (
              <label className={`${labelClass} mt-3`}>
                {t("otherStore")}
                <select
                  className={`${inputClass} min-h-12`}
                  value={pickupStore}
                  onChange={(e) => setPickupStore(e.target.value)}
                  data-testid="counter-pickup-store"
                >
                  <option value="">{t("chooseStore")}</option>
                  {(allStores.data ?? [])
                    .filter((s) => s.type === "store" && s.id !== storeId)
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                </select>
              </label>
            )}
            {needsContact && (
              <div className="mt-3 grid gap-2">
                <p className="text-sm text-slate-600">{t("contactHint")}</p>
                {(["name", "email"] as const).map((f) => (
                  <label key={f} className={labelClass}>
                    {t(`contact.${f}`)}
                    <input
                      className={`${inputClass} min-h-12`}
                      value={contact[f]}
                      type={f === "email" ? "email" : "text"}
                      onChange={(e) => setContact((c) => ({ ...c, [f]: e.target.value }))}
                      data-testid={`counter-contact-${f}`}
                    />
                  </label>
                ))}
              </div>
            )}
            <CounterOffers
              checked={offers}
              onChecked={setOffers}
              memberEmail={member?.email ?? null}
              askEmail={!needsContact && !member}
              email={contact.email}
              onEmail={(email) => setContact((c) => ({ ...c, email }))}
            />
          </Panel>

          <Panel title={t("payment")} testId="counter-payment">
            {member && member.points > 0 && (
              <label className="mb-3 flex min-h-12 items-center gap-3 text-lg">
                <input
                  type="checkbox"
                  className="h-6 w-6"
                  checked={usePoints}
                  onChange={(e) => setUsePoints(e.target.checked)}
                  data-testid="counter-use-points"
                />
                {t("usePoints", { points: member.points })}
              </label>
            )}
            <div className="mb-3">
              <GiftCardCode
                applied={giftCard}
                onChange={setGiftCard}
                locale={locale}
                big
                words={{
                  label: t("giftCardLabel"),
                  apply: t("giftCardApply"),
                  remove: t("giftCardRemove"),
                  applied: (lastFour, balance) => t("giftCardApplied", { lastFour, balance }),
                }}
              />
            </div>
            <TillPayment
              pay={pay}
              onPay={setPay}
              cardResult={cardResult}
              onCardResult={setCardResult}
              blik={blik}
              onBlik={setBlik}
              testIdPrefix="counter"
              cash={
                <CashTendered
                  value={cashGiven}
                  onChange={setCashGiven}
                  changeMinor={changeMinor}
                  money={money}
                  testId="counter-cash-given"
                />
              }
            />
            <dl className="mt-4 space-y-1 border-t border-slate-200 pt-3">
              {shippingMinor > 0 && (
                <div className="flex justify-between">
                  <dt>{t("shipping")}</dt>
                  <dd>{money(shippingMinor)}</dd>
                </div>
              )}
              {pointsUsed > 0 && (
                <div className="flex justify-between">
                  <dt>{t("pointsLine", { points: pointsUsed })}</dt>
                  <dd>−{money(pointsUsed * pointValue)}</dd>
                </div>
              )}
              {giftUsed > 0 && (
                <div className="flex justify-between" data-testid="counter-gift-card-line">
                  <dt>{t("giftCardLine")}</dt>
                  <dd>−{money(giftUsed)}</dd>
                </div>
              )}
              <div className="flex justify-between text-2xl font-bold">
                <dt>{t("toPay")}</dt>
                <dd data-testid="counter-to-pay">{money(Math.max(0, toPayMinor))}</dd>
              </div>
            </dl>
            {sell.error && <ErrorMessage message={errorMessage(sell.error)} locale={locale} />}
            <Button
              size="lg"
              className="mt-4 w-full"
              disabled={!lines.length || cashShort || offersWithoutEmail || (handover === "pickup" && !pickupStore)}
              busy={sell.isPending}
              onClick={submit}
              data-testid="counter-sell"
            >
              {t("sell")}
            </Button>
          </Panel>
        </div>
      </div>
    </>
  );
}
