import { auth } from "@/auth";

import { createRestRouteHandler } from "@omni/api/next";

const handler = createRestRouteHandler({ app: "admin", getUserId: async () => (await auth())?.user?.id });

export { handler as GET, handler as POST, handler as PUT, handler as DELETE };
export const dynamic = "force-dynamic";
