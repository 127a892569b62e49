import { navTitle } from "@/components/simple-page";

import { IntegrationsScreen } from "./integrations-screen";

export const generateMetadata = navTitle("integrations");

export default function IntegrationsPage() {
  return <IntegrationsScreen />;
}
