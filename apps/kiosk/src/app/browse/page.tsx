import { BrowseScreen } from "@/components/browse-screen";

/** No Suspense boundary of its own: see reservations/new/page.tsx (two copies of a screen for a moment). */
export default function BrowsePage() {
  return <BrowseScreen />;
}
