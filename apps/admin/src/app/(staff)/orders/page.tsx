import { navTitle } from "@/components/simple-page";

import { DeliveryFeesForm } from "./delivery-fees-form";
import { OrderLookup } from "./order-lookup";

export const generateMetadata = navTitle("orders");

export default function OrdersPage() {
  return (
    <>
      <OrderLookup />
      <DeliveryFeesForm />
    </>
  );
}
