import { CheckoutScreen } from "@/components/checkout-screen";

export default function CheckoutPage() {
  return <CheckoutScreen />;
}
