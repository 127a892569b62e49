import "server-only";

import { TRPCError } from "@trpc/server";
import { cookies } from "next/headers";

import { deviceCookieName } from "@omni/auth/device";
import { secureCookies } from "@omni/auth/env";

import { serverApi } from "./api";

export type KioskIdentity = {
  deviceId: string;
  storeId: string;
  storeName: string;
  city: string;
  pickupPoint: string | null;
  reservations: boolean;
  pickup: boolean;
};

export type DeviceState = { state: "paired"; kiosk: KioskIdentity } | { state: "unpaired" } | { state: "locked" };

/** Whether this screen is a paired kiosk, never paired, or one whose pairing was revoked. */
export async function loadDeviceState(): Promise<DeviceState> {
  if (!(await cookies()).get(deviceCookieName)?.value) return { state: "unpaired" };
  try {
    const api = await serverApi();
    return { state: "paired", kiosk: await api.kiosk.me() };
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") return { state: "locked" };
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return { state: "unpaired" };
    // Anything else (the database is away…) is not a reason to ask for pairing again.
    throw error;
  }
}

/** The pairing cookie: http-only so no script on the page can read the device token. */
export async function setDeviceCookie(token: string) {
  (await cookies()).set(deviceCookieName, token, {
    httpOnly: true,
    sameSite: "strict",
    secure: secureCookies,
    path: "/",
    maxAge: 60 * 60 * 24 * 365 * 5,
  });
}
