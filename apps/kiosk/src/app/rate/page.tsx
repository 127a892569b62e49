import { RateScreen } from "@/components/rate-screen";

export default function RatePage() {
  return <RateScreen />;
}
