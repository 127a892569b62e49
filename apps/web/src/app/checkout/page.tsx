import { auth } from "@/auth";
import { CheckoutScreen } from "@/components/checkout-screen";
import { preferredStoreId } from "@/lib/preferred-store";
import { serverApi } from "@/server/api";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("title") };
}

export const dynamic = "force-dynamic";

export default async function CheckoutPage() {
  const [session, storeId, api] = await Promise.all([auth(), preferredStoreId(), serverApi()]);
  const me = session?.user ? await api.account.me().catch(() => null) : null;
  return (
    <CheckoutScreen
      defaultName={me?.name ?? ""}
      defaultEmail={me?.email ?? ""}
      preferredStoreId={me?.preferredStoreId ?? storeId}
      storeCreditMinor={me?.storeCreditMinor ?? 0}
    />
  );
}
