import "server-only";

import { auth } from "@/auth";
import { cookies, headers } from "next/headers";

import { createServerCaller } from "@omni/api/next";
import { deviceCookieName } from "@omni/auth/device";

/**
 * The shared router, called from server components as this kiosk device (and its signed-in shopper,
 * if any). `deviceToken` tries a token that is not in the cookie yet (development pairing).
 */
export async function serverApi(options: { deviceToken?: string } = {}) {
  return createServerCaller({
    app: "kiosk",
    headers: await headers(),
    getUserId: async () => (await auth())?.user?.id,
    getDeviceCookie: async () => options.deviceToken ?? (await cookies()).get(deviceCookieName)?.value,
  });
}
