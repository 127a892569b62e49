import { serverApi } from "@/server/api";
import { orUnavailable } from "@/server/optional";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

export async function SiteFooter() {
  const [t, api] = await Promise.all([getTranslations("footer"), serverApi()]);
  const all = await orUnavailable(api.stores.list(), "footer store list");
  const stores = all?.filter((s) => s.type === "store");
  return (
    <footer className="mt-12 border-t border-slate-200 bg-slate-50">
      <div className="mx-auto grid max-w-6xl gap-8 px-4 py-8 sm:grid-cols-2">
        <section>
          <h2 className="font-semibold">{t("stores")}</h2>
          {!stores && (
            <p data-testid="footer-stores-unavailable" className="mt-2 text-sm text-slate-600">
              {t("storesUnavailable")}
            </p>
          )}
          <ul className="mt-2 space-y-1 text-sm">
            {stores?.map((store) => (
              <li key={store.id}>
                <Link href={`/stores/${store.id}`} className="text-slate-700 underline-offset-2 hover:underline">
                  {store.name} — {store.address}, {store.city}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section>
          <h2 className="font-semibold">{t("help")}</h2>
          <ul className="mt-2 space-y-1 text-sm">
            <li>
              <Link href="/orders/lookup" className="text-slate-700 hover:underline">
                {t("lookup")}
              </Link>
            </li>
            <li>
              <Link href="/handoff" className="text-slate-700 hover:underline">
                {t("handoff")}
              </Link>
            </li>
            <li>
              <Link href="/account" className="text-slate-700 hover:underline">
                {t("account")}
              </Link>
            </li>
            <li>
              <Link href="/gift-cards" className="text-slate-700 hover:underline">
                {t("giftCards")}
              </Link>
            </li>
            <li>
              <Link href="/gift-cards/balance" className="text-slate-700 hover:underline">
                {t("giftCardBalance")}
              </Link>
            </li>
          </ul>
          <p className="mt-4 text-xs text-slate-600">{t("note")}</p>
        </section>
      </div>
    </footer>
  );
}
