import { Suspense } from "react";
import { ReserveScreen } from "@/components/reserve-screen";

export default function NewReservationPage() {
  return (
    <Suspense>
      <ReserveScreen />
    </Suspense>
  );
}
