import { navTitle } from "@/components/simple-page";

import { ProductsScreen } from "./products-screen";

export const generateMetadata = navTitle("products");

export default function ProductsPage() {
  return <ProductsScreen />;
}
