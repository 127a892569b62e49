"use client";

import type { KioskIdentity } from "@/server/device";
import { createContext, useContext } from "react";

export type Shopper = { name: string; email: string } | null;

export type KioskSession = {
  kiosk: KioskIdentity;
  shopper: Shopper;
  cartId: string | null;
  setCartId: (cartId: string | null) => void;
  /** Forget everything and go back to the attract screen. */
  startOver: () => void;
};

export const KioskSessionContext = createContext<KioskSession | null>(null);

export function useKiosk(): KioskSession {
  const session = useContext(KioskSessionContext);
  if (!session) throw new Error("useKiosk outside the kiosk shell");
  return session;
}
