import "server-only";
import { cookies, headers } from "next/headers";
import { createServerCaller } from "@omni/api/next";
import { deviceCookieName } from "@omni/auth/device";
import { auth } from "@/auth";

/** The shared router, called from server components as this kiosk device (and its signed-in shopper, if any). */
export async function serverApi() {
  return createServerCaller({
    app: "kiosk",
    headers: await headers(),
    getUserId: async () => (await auth())?.user?.id,
    getDeviceCookie: async () => (await cookies()).get(deviceCookieName)?.value,
  });
}
