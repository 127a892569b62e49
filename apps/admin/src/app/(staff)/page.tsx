import { navTitle } from "@/components/simple-page";

import { Dashboard } from "./dashboard";

export const generateMetadata = navTitle("dashboard");

export default function DashboardPage() {
  return <Dashboard />;
}
