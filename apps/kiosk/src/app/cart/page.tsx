import { CartScreen } from "@/components/cart-screen";
import { webUrl } from "@/server/settings";

export default function CartPage() {
  return <CartScreen shopUrl={webUrl()} />;
}
