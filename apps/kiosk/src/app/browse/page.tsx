import { BrowseScreen } from "@/components/browse-screen";
import { Suspense } from "react";

export default function BrowsePage() {
  return (
    <Suspense>
      <BrowseScreen />
    </Suspense>
  );
}
