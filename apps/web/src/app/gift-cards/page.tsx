import { GiftCardShop } from "@/components/gift-card-shop";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("giftCards"))("title") };
}

/** Buy a gift card: an amount, who it is for, paid by card or BLIK; the code is shown and e-mailed. */
export default async function GiftCardsPage() {
  const t = await getTranslations("giftCards");
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <Link href="/gift-cards/balance" className="font-semibold text-sky-800 underline">
          {t("checkBalanceLink")}
        </Link>
      </div>
      <GiftCardShop />
    </div>
  );
}
