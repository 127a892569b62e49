import "server-only";

import { auth } from "@/auth";
import { headers } from "next/headers";

import { createServerCaller } from "@omni/api/next";

/** The shared router, called from server components as the signed-in member of staff. */
export async function serverApi() {
  return createServerCaller({
    app: "admin",
    headers: await headers(),
    getUserId: async () => (await auth())?.user?.id,
  });
}
