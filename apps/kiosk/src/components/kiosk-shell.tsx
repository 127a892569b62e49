"use client";

import { useContract } from "@/lib/contract";
import { chooseLanguage, resetKiosk } from "@/server/actions";
import type { KioskIdentity } from "@/server/device";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState, type ReactNode } from "react";

import { useTRPC } from "@omni/ui/trpc";

import { IdleGuard } from "./idle-guard";
import { KioskSessionContext, useKiosk, type Shopper } from "./kiosk-session";
import { isRevokedKiosk, useLock } from "./lock";
import { LockedScreen } from "./locked-screen";

const cartKey = "omni-kiosk-cart";

/** Every screen of a paired kiosk: the top bar, the idle reset and the lock. */
export function KioskShell({
  kiosk,
  shopper,
  timeouts,
  children,
}: {
  kiosk: KioskIdentity | null;
  shopper: Shopper;
  timeouts: { idleMs: number; warnMs: number };
  children: ReactNode;
}) {
  const { locked, lock } = useLock();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const [cartId, setCartIdState] = useState<string | null>(null);

  useEffect(() => setCartIdState(sessionStorage.getItem(cartKey)), []);
  const setCartId = useCallback((id: string | null) => {
    if (id) sessionStorage.setItem(cartKey, id);
    else sessionStorage.removeItem(cartKey);
    setCartIdState(id);
  }, []);

  // A cheap call every 15 s so that a revoked kiosk locks itself even when nobody touches it.
  const me = useQuery({
    ...trpc.kiosk.me.queryOptions(),
    refetchInterval: 15_000,
    refetchIntervalInBackground: true,
    enabled: !locked,
  });
  useEffect(() => {
    if (me.error && isRevokedKiosk(me.error)) lock();
  }, [me.error, lock]);
  // Queries fail without the mutation hook; watch the cache for the same refusal.
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type === "updated" && event.action.type === "error" && isRevokedKiosk(event.action.error)) lock();
      }),
    [queryClient, lock],
  );

  const startOver = useCallback(async () => {
    sessionStorage.clear();
    setCartIdState(null);
    queryClient.clear();
    await resetKiosk();
    router.replace("/");
    router.refresh();
  }, [queryClient, router]);

  // A kiosk that locks while someone uses it forgets them at once, as an idle reset would.
  useEffect(() => {
    if (!locked) return;
    sessionStorage.clear();
    setCartIdState(null);
    queryClient.clear();
    // The lock screen shows at once; in the browser the console is the log, and the server logged it too.
    void resetKiosk().catch((error: unknown) => console.error("kiosk: signing out on lock failed", error));
  }, [locked, queryClient]);

  const identity = me.data ?? kiosk;
  const session = useMemo(
    () => (identity ? { kiosk: identity, shopper, cartId, setCartId, startOver: () => void startOver() } : null),
    [identity, shopper, cartId, setCartId, startOver],
  );

  if (locked || !session) return <LockedScreen />;
  const attract = pathname === "/";
  return (
    <KioskSessionContext.Provider value={session}>
      <div
        data-testid="kiosk-shell"
        data-store-id={session.kiosk.storeId}
        data-idle-ms={timeouts.idleMs}
        data-warn-ms={timeouts.warnMs}
        className="flex min-h-screen flex-col"
      >
        {!attract && <TopBar />}
        <main className="flex flex-1 flex-col">{children}</main>
      </div>
      {!attract && <IdleGuard idleMs={timeouts.idleMs} warnMs={timeouts.warnMs} onReset={() => void startOver()} />}
    </KioskSessionContext.Provider>
  );
}

function TopBar() {
  const t = useTranslations("shell");
  const locale = useLocale();
  const router = useRouter();
  const contract = useContract();
  const session = useKiosk();
  const cart = useQuery({
    queryKey: ["contract", "cart.get", session.cartId],
    queryFn: () => contract.cart.get.query({ cartId: session.cartId! }),
    enabled: !!session.cartId,
  });
  const count = cart.data?.lines.reduce((n, l) => n + l.quantity, 0) ?? 0;
  const switchTo = async (next: string) => {
    await chooseLanguage(next);
    router.refresh();
  };
  const button =
    "inline-flex min-h-16 items-center gap-2 rounded-xl px-5 text-2xl font-semibold ring-1 ring-inset ring-slate-300 active:bg-slate-200";
  return (
    <header className="sticky top-0 z-30 flex items-center gap-3 border-b border-slate-200 bg-white/95 px-6 py-4 backdrop-blur">
      <Link href="/browse" data-testid="nav-home" className={`${button} ring-0 bg-slate-900 text-white`}>
        <span aria-hidden>⌂</span> {t("home")}
      </Link>
      <p data-testid="store-name" className="min-w-0 flex-1 truncate text-xl text-slate-600">
        {session.kiosk.storeName}
      </p>
      <Link href={session.shopper ? "/account" : "/sign-in"} data-testid="nav-account" className={button}>
        {session.shopper ? session.shopper.name.split(" ")[0] : t("signIn")}
      </Link>
      <Link href="/cart" data-testid="nav-cart" className={button}>
        {t("cart")}
        {count > 0 && (
          <span data-testid="cart-count" className="rounded-full bg-slate-900 px-3 py-0.5 text-xl text-white">
            {count}
          </span>
        )}
      </Link>
      <div className="flex rounded-xl ring-1 ring-inset ring-slate-300" role="group" aria-label={t("language")}>
        {(["pl", "en"] as const).map((l) => (
          <button
            key={l}
            type="button"
            data-testid={`lang-${l}`}
            aria-pressed={locale === l}
            onClick={() => void switchTo(l)}
            className={`min-h-16 min-w-16 rounded-xl px-3 text-2xl font-semibold uppercase ${locale === l ? "bg-slate-900 text-white" : ""}`}
          >
            {l}
          </button>
        ))}
      </div>
    </header>
  );
}
