import { navTitle } from "@/components/simple-page";

import { NotificationsScreen } from "./notifications-screen";

export const generateMetadata = navTitle("notifications");

export default function NotificationsPage() {
  return <NotificationsScreen />;
}
