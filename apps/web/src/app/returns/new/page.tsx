import { auth } from "@/auth";
import { OrderLookupForm } from "@/components/order-lookup-form";
import { ReturnForm } from "@/components/return-form";
import { serverApi } from "@/server/api";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("returns"))("newTitle") };
}

type Props = { searchParams: Promise<{ order?: string; email?: string }> };

export default async function NewReturnPage({ searchParams }: Props) {
  const [t, session, api] = await Promise.all([getTranslations("returns"), auth(), serverApi()]);
  const { order, email } = await searchParams;
  const orderNumber = typeof order === "string" ? order.trim().slice(0, 64) : "";
  const mail = typeof email === "string" && email.trim() ? email.trim().slice(0, 320) : undefined;
  if (!orderNumber || (!mail && !session?.user)) {
    return (
      <div className="mx-auto max-w-md space-y-4">
        <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
        <p className="text-slate-700">{t("findOrder")}</p>
        <OrderLookupForm orderNumber={orderNumber} email={mail} />
      </div>
    );
  }
  const stores = (await api.stores.list()).filter((s) => s.type === "store" && s.returns);
  return (
    <ReturnForm
      orderNumber={orderNumber}
      email={mail}
      stores={stores.map((s) => ({ id: s.id, name: s.name, city: s.city }))}
    />
  );
}
