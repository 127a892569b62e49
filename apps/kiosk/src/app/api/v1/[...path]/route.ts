import { auth } from "@/auth";
import { cookies } from "next/headers";

import { createRestRouteHandler } from "@omni/api/next";
import { deviceCookieName } from "@omni/auth/device";

const handler = createRestRouteHandler({
  app: "kiosk",
  getUserId: async () => (await auth())?.user?.id,
  getDeviceCookie: async () => (await cookies()).get(deviceCookieName)?.value,
});

export { handler as GET, handler as POST, handler as PUT, handler as DELETE };
export const dynamic = "force-dynamic";
