import { navTitle } from "@/components/simple-page";

import { CounterScreen } from "./counter-screen";

export const generateMetadata = navTitle("counter");

export default function CounterPage() {
  return <CounterScreen />;
}
