import { navTitle } from "@/components/simple-page";

import { TemplatesScreen } from "./templates-screen";

export const generateMetadata = navTitle("templates");

export default function TemplatesPage() {
  return <TemplatesScreen />;
}
