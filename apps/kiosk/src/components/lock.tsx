"use client";

import { createContext, useContext } from "react";

import { errorCode, errorMessage } from "@omni/ui/trpc";

/** The message of the shared router's base middleware for an unknown or revoked device token. */
export function isRevokedKiosk(error: unknown): boolean {
  return errorCode(error) === "UNAUTHORIZED" && /kiosk is not paired|revoked/i.test(errorMessage(error));
}

export const LockContext = createContext<{ locked: boolean; lock: () => void }>({ locked: false, lock: () => {} });

export const useLock = () => useContext(LockContext);
