import { navTitle } from "@/components/simple-page";

import { CollectScreen } from "./collect-screen";

export const generateMetadata = navTitle("collect");

export default function CollectPage() {
  return <CollectScreen />;
}
