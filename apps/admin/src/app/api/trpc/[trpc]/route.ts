import { auth } from "@/auth";

import { createTrpcRouteHandler } from "@omni/api/next";

const handler = createTrpcRouteHandler({ app: "admin", getUserId: async () => (await auth())?.user?.id });

export { handler as GET, handler as POST };
export const dynamic = "force-dynamic";
