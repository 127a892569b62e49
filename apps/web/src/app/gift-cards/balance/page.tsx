import { GiftCardBalance } from "@/components/gift-card-balance";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("giftCards"))("balanceTitle") };
}

/** Check a gift card's balance by its code. */
export default async function GiftCardBalancePage() {
  const t = await getTranslations("giftCards");
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("balanceTitle")}</h1>
      <p className="text-slate-700">{t("balanceIntro")}</p>
      <GiftCardBalance />
    </div>
  );
}
