import { getTranslations } from "next-intl/server";
import { Price } from "@omni/ui";
import { serverApi } from "@/server/api";

export const dynamic = "force-dynamic";

export default async function Home() {
  const t = await getTranslations("app");
  const api = await serverApi();
  const { items } = await api.catalog.search({ limit: 8 });
  return (
    <main className="mx-auto max-w-5xl p-4">
      <h1 className="text-2xl font-bold">{t("tagline")}</h1>
      <ul className="mt-4 grid grid-cols-2 gap-4">
        {items.map((item) => (
          <li key={item.slug}>
            {item.title} <Price priceMinor={item.priceMinor} listPriceMinor={item.listPriceMinor} />
          </li>
        ))}
      </ul>
    </main>
  );
}
