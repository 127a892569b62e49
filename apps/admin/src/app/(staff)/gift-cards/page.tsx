import { navTitle } from "@/components/simple-page";

import { GiftCardsScreen } from "./gift-cards-screen";

export const generateMetadata = navTitle("giftCards");

export default function GiftCardsPage() {
  return <GiftCardsScreen />;
}
