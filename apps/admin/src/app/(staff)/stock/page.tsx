import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StockScreen } from "./stock-screen";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("stock") };
}

export default function StockPage() {
  return <StockScreen />;
}
