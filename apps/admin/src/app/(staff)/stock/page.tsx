import { navTitle } from "@/components/simple-page";

import { StockScreen } from "./stock-screen";

export const generateMetadata = navTitle("stock");

export default function StockPage() {
  return <StockScreen />;
}
