import { navTitle } from "@/components/simple-page";

import { PromotionsScreen } from "./promotions-screen";

export const generateMetadata = navTitle("promotions");

export default function PromotionsPage() {
  return <PromotionsScreen />;
}
