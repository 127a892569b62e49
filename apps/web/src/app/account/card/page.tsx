import { auth } from "@/auth";
import { serverApi } from "@/server/api";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";

import { tierLabel } from "@omni/ui/loyalty";
import { QrCode } from "@omni/ui/qr-code";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("cardTitle") };
}

/** The member card alone, big enough to scan from a phone: bookmark it or add it to the home screen. */
export default async function MemberCardPage() {
  const session = await auth();
  if (!session?.user) redirect("/sign-in?next=/account/card");
  const [t, locale, api] = await Promise.all([getTranslations("account"), getLocale(), serverApi()]);
  const [me, loyalty] = await Promise.all([api.account.me(), api.loyalty.get()]);
  return (
    <div className="mx-auto flex max-w-sm flex-col items-center gap-4 text-center">
      <h1 className="text-2xl font-bold">{t("cardTitle")}</h1>
      <div
        className="rounded-2xl bg-white p-4 shadow ring-1 ring-slate-200"
        data-testid="member-card"
        data-card={loyalty.card}
      >
        <QrCode value={loyalty.card} size={260} label={t("cardTitle")} />
      </div>
      <p className="text-lg font-semibold">{me.name}</p>
      <p>
        <span className="text-3xl font-bold" data-testid="loyalty-points" data-points={loyalty.points}>
          {loyalty.points}
        </span>{" "}
        {t("pointsWord")} · {tierLabel(loyalty.tier, locale)}
      </p>
      <p className="text-sm text-slate-600">{t("cardAddToPhone")}</p>
      <Link href="/account" className="font-semibold text-sky-800 underline">
        {t("backToAccount")}
      </Link>
    </div>
  );
}
