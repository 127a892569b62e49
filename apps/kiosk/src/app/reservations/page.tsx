import { ReservationLookupScreen } from "@/components/reservation-lookup-screen";

export default function ReservationsPage() {
  return <ReservationLookupScreen />;
}
