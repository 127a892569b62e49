import { CollectScreen } from "@/components/collect-screen";

export default function CollectPage() {
  return <CollectScreen />;
}
