import { ReserveScreen } from "@/components/reserve-screen";
import { Suspense } from "react";

export default function NewReservationPage() {
  return (
    <Suspense>
      <ReserveScreen />
    </Suspense>
  );
}
