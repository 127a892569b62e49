import { navTitle } from "@/components/simple-page";

import { ReviewsScreen } from "./reviews-screen";

export const generateMetadata = navTitle("reviews");

export default function ReviewsPage() {
  return <ReviewsScreen />;
}
