import { navTitle } from "@/components/simple-page";

import { ApiReference } from "./api-reference";

export const generateMetadata = navTitle("integrations");

export default function ApiReferencePage() {
  return <ApiReference />;
}
