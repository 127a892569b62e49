import { Suspense } from "react";
import { BrowseScreen } from "@/components/browse-screen";

export default function BrowsePage() {
  return (
    <Suspense>
      <BrowseScreen />
    </Suspense>
  );
}
