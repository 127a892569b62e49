import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { getDb } from "@omni/db";

import { bearerToken, createContext, type AppName } from "./context";
import { openApiDocument } from "./openapi/document";
import { handleRestRequest } from "./openapi/rest-handler";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

const createCaller = createCallerFactory(appRouter);

type Identity = {
  app: AppName;
  /** The signed-in user of this app's next-auth session. */
  getUserId: () => Promise<string | null | undefined>;
  /** The kiosk app's paired device token from its http-only cookie. */
  getDeviceCookie?: () => Promise<string | null | undefined>;
};

function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "local";
}

/** The `/api/trpc` route of an app: the shared router, with the caller read from the request. */
export function createTrpcRouteHandler(identity: Identity) {
  return (req: Request) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      createContext: async () =>
        createContext({
          db: getDb(),
          app: identity.app,
          userId: await identity.getUserId(),
          deviceToken: bearerToken(req.headers.get("authorization")) ?? (await identity.getDeviceCookie?.()),
          ip: clientIp(req.headers),
        }),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path}:`, error.cause ?? error);
      },
    });
}

/** The `/api/v1/[...path]` route of an app: the REST face of the procedures, as the same caller as `/api/trpc`. */
export function createRestRouteHandler(identity: Identity) {
  return (req: Request) =>
    handleRestRequest(req, {
      prefix: "/api/v1",
      createContext: async () =>
        createContext({
          db: getDb(),
          app: identity.app,
          userId: await identity.getUserId(),
          deviceToken: bearerToken(req.headers.get("authorization")) ?? (await identity.getDeviceCookie?.()),
          ip: clientIp(req.headers),
        }),
      onError: (error, path) => console.error(`REST ${path}:`, error),
    });
}

/** `GET /api/openapi.json`: the OpenAPI document of the REST routes, with this app's origin as the server. */
export function createOpenApiRouteHandler() {
  return (req: Request) => {
    const origin = process.env.OMNI_PUBLIC_URL ?? new URL(req.url).origin;
    return Response.json(openApiDocument(origin), { headers: { "access-control-allow-origin": "*" } });
  };
}

/** Calls procedures from server components, as the same caller the browser would be. */
export async function createServerCaller(identity: Identity & { headers: Headers }) {
  return createCaller(
    await createContext({
      db: getDb(),
      app: identity.app,
      userId: await identity.getUserId(),
      deviceToken: await identity.getDeviceCookie?.(),
      ip: clientIp(identity.headers),
    }),
  );
}
