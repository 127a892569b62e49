import { OrderLookupForm } from "@/components/order-lookup-form";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("lookup"))("title") };
}

type Props = { searchParams: Promise<{ number?: string; email?: string }> };

export default async function OrderLookupPage({ searchParams }: Props) {
  const t = await getTranslations("lookup");
  const { number, email } = await searchParams;
  if (typeof number === "string" && number.trim() && typeof email === "string" && email.trim()) {
    redirect(
      `/orders/${encodeURIComponent(number.trim().slice(0, 64))}?email=${encodeURIComponent(email.trim().slice(0, 320))}`,
    );
  }
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-slate-700">{t("intro")}</p>
      <OrderLookupForm />
    </div>
  );
}
