"use client";

import { signOutShopper } from "@/server/actions";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";

import { useKiosk } from "./kiosk-session";
import { Screen } from "./screen";

export function AccountScreen() {
  const t = useTranslations("account");
  const router = useRouter();
  const { shopper, setCartId } = useKiosk();
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
