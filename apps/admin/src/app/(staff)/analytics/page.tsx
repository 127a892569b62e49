import { navTitle } from "@/components/simple-page";

import { AnalyticsScreen } from "./analytics-screen";

export const generateMetadata = navTitle("analytics");

export default function AnalyticsPage() {
  return <AnalyticsScreen />;
}
