import { auth } from "@/auth";
import { cookies } from "next/headers";

import { createTrpcRouteHandler } from "@omni/api/next";
import { deviceCookieName } from "@omni/auth/device";

const handler = createTrpcRouteHandler({
  app: "kiosk",
  getUserId: async () => (await auth())?.user?.id,
  getDeviceCookie: async () => (await cookies()).get(deviceCookieName)?.value,
});

export { handler as GET, handler as POST };
export const dynamic = "force-dynamic";
