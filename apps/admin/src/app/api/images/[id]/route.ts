import { createImageRouteHandler } from "@omni/api/images-route";

/** Product pictures, resized on request (`?w=<px>`) and cached for a year. */
export const GET = createImageRouteHandler();
export const dynamic = "force-dynamic";
