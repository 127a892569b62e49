import { navTitle } from "@/components/simple-page";

import { MembersScreen } from "./members-screen";

export const generateMetadata = navTitle("members");

export default function MembersPage() {
  return <MembersScreen />;
}
