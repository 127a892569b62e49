import { navTitle } from "@/components/simple-page";

import { AuditScreen } from "./audit-screen";

export const generateMetadata = navTitle("audit");

export default function AuditPage() {
  return <AuditScreen />;
}
