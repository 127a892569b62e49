import { ReserveScreen } from "@/components/reserve-screen";

/**
 * No Suspense boundary of its own (the route is dynamic: the root layout reads the device cookie, so
 * `useSearchParams` needs none). A boundary here could still be streaming, or waiting for React's batched reveal,
 * when the shell's session changes just after hydration (the cart id from sessionStorage, `kiosk.me`'s answer); React
 * then renders the screen anew on the client while the server's copy waits hidden in the document: two copies of the
 * screen for a moment. Without it the screen hydrates with the shell.
 */
export default function NewReservationPage() {
  return <ReserveScreen />;
}
