import { auth } from "@/auth";
import { CheckoutScreen } from "@/components/checkout-screen";
import { preferredStoreId } from "@/lib/preferred-store";
import { serverApi } from "@/server/api";
import { orUnavailable } from "@/server/optional";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("title") };
}

export const dynamic = "force-dynamic";

export default async function CheckoutPage() {
  const [session, storeId, api] = await Promise.all([auth(), preferredStoreId(), serverApi()]);
  // The profile only prefills the form: without it the shopper types their name and e-mail.
  const me = session?.user ? await orUnavailable(api.account.me(), "checkout prefill") : null;
  // Staff accounts are no members: their points are simply none.
  const loyalty = me ? await orUnavailable(api.loyalty.get(), "checkout points") : null;
  return (
    <CheckoutScreen
      signedIn={!!session?.user}
      defaultName={me?.name ?? ""}
      defaultEmail={me?.email ?? ""}
      preferredStoreId={me?.preferredStoreId ?? storeId}
      storeCreditMinor={me?.storeCreditMinor ?? 0}
      points={loyalty?.points ?? 0}
      pointValueMinor={loyalty?.pointValueMinor ?? 1}
    />
  );
}
