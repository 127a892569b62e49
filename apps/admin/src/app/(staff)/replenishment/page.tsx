import { navTitle } from "@/components/simple-page";

import { ReplenishmentScreen } from "./replenishment-screen";

export const generateMetadata = navTitle("replenishment");

export default function ReplenishmentPage() {
  return <ReplenishmentScreen />;
}
