import { navTitle } from "@/components/simple-page";

import { StaffScreen } from "./staff-screen";

export const generateMetadata = navTitle("staff");

export default function StaffPage() {
  return <StaffScreen />;
}
