import { navTitle } from "@/components/simple-page";

import { ReservationsScreen } from "./reservations-screen";

export const generateMetadata = navTitle("reservations");

export default function ReservationsPage() {
  return <ReservationsScreen />;
}
