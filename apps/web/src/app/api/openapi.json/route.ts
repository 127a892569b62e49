import { createOpenApiRouteHandler } from "@omni/api/next";

export const GET = createOpenApiRouteHandler();
export const dynamic = "force-dynamic";
