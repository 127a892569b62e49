import { navTitle } from "@/components/simple-page";

import { DeliveryLog } from "./delivery-log";

export const generateMetadata = navTitle("integrations");

export default async function WebhookPage({ params }: { params: Promise<{ id: string }> }) {
  return <DeliveryLog id={(await params).id} />;
}
