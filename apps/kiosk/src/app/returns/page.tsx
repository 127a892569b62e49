import { ReturnsScreen } from "@/components/returns-screen";

export default function ReturnsPage() {
  return <ReturnsScreen />;
}
