import { navTitle } from "@/components/simple-page";

import { PickupQueue } from "./pickup-queue";

export const generateMetadata = navTitle("pickup");

export default function PickupPage() {
  return <PickupQueue />;
}
