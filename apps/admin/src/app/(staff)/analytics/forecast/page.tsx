import { navTitle } from "@/components/simple-page";

import { ForecastScreen } from "./forecast-screen";

export const generateMetadata = navTitle("forecast");

export default function ForecastPage() {
  return <ForecastScreen />;
}
