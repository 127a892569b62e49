import { navTitle } from "@/components/simple-page";

import { DevicesScreen } from "./devices-screen";

export const generateMetadata = navTitle("devices");

export default function DevicesPage() {
  return <DevicesScreen />;
}
