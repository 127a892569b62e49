import { navTitle } from "@/components/simple-page";

import { TransfersScreen } from "./transfers-screen";

export const generateMetadata = navTitle("transfers");

export default function TransfersPage() {
  return <TransfersScreen />;
}
