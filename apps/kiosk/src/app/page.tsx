import { AttractScreen } from "@/components/attract-screen";

/** The idle kiosk: invites a touch. */
export default function KioskHome() {
  return <AttractScreen />;
}
