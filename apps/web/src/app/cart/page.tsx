import { CartScreen } from "@/components/cart-screen";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cart"))("title") };
}

export default function CartPage() {
  return <CartScreen />;
}
