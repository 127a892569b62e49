"use client";

import { signOutShopper } from "@/server/actions";
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { LoyaltyCard, LoyaltyHistory } from "@omni/ui/loyalty";
import { Spinner } from "@omni/ui/spinner";
import { useTRPC } from "@omni/ui/trpc";

import { useKiosk } from "./kiosk-session";
import { Screen } from "./screen";

export function AccountScreen() {
  const t = useTranslations("account");
  const router = useRouter();
  const locale = useLocale();
  const trpc = useTRPC();
  const { shopper, setCartId } = useKiosk();
  // Points, tier and history of the signed-in member, the same ledger every channel writes.
  const loyalty = useQuery({ ...trpc.loyalty.get.queryOptions(), enabled: !!shopper });
  if (!shopper) {
    return (
      <Screen title={t("title")}>
        <Link
          href="/sign-in"
          className="flex min-h-24 items-center justify-center rounded-2xl bg-slate-900 text-4xl font-semibold text-white"
        >
          {t("signIn")}
        </Link>
      </Screen>
    );
  }
  return (
    <Screen title={t("hello", { name: shopper.name })} help={shopper.email} testId="account-screen">
      <p className="text-2xl text-slate-600">{t("cartFollows")}</p>
      {loyalty.data ? (
        <div className="space-y-6 [zoom:1.6]" data-testid="kiosk-loyalty">
          <LoyaltyCard summary={loyalty.data} locale={locale} showCard={false} />
          <LoyaltyHistory events={loyalty.data.events.slice(0, 8)} locale={locale} />
        </div>
      ) : loyalty.isPending ? (
        <Spinner />
      ) : null}
      <button
        type="button"
        data-testid="sign-out"
        onClick={async () => {
          await signOutShopper();
          // The account cart stays with the account, not on this screen for the next person.
          setCartId(null);
          router.push("/browse");
          router.refresh();
        }}
        className="min-h-24 rounded-2xl text-3xl font-semibold ring-2 ring-inset ring-slate-300"
      >
        {t("signOut")}
      </button>
    </Screen>
  );
}
