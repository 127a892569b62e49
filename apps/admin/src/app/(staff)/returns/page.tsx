import { navTitle } from "@/components/simple-page";

import { ReturnsScreen } from "./returns-screen";

export const generateMetadata = navTitle("returns");

export default function ReturnsPage() {
  return <ReturnsScreen />;
}
