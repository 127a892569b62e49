import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { clientAddress } from "@omni/auth/client-address";
import { getDb, type Database } from "@omni/db";
import { logger, type Logger } from "@omni/logger";

import { publicCacheHeaders } from "./cache-headers";
import { bearerToken, createContext, type AppName } from "./context";
import { apiEnv } from "./env";
import { openApiDocument } from "./openapi/document";
import { handleRestRequest } from "./openapi/rest-handler";
import { logProcedureError, requestIdFrom } from "./request-log";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

const createCaller = createCallerFactory(appRouter);
const apiLog = logger.child({ component: "api" });

type Identity = {
  app: AppName;
  /** The signed-in user of this app's next-auth session. */
  getUserId: () => Promise<string | null | undefined>;
  /** The kiosk app's paired device token from its http-only cookie. */
  getDeviceCookie?: () => Promise<string | null | undefined>;
};

/** What the route handler is built on; the apps take the defaults, tests hand in their own. */
type Dependencies = { router?: AnyTRPCRouter; db?: () => Database; log?: Logger };

/**
 * The `/api/trpc` route of an app: the shared router, with the caller read from the request. Every
 * answer carries `x-request-id` (the caller's own when sane, else a new one), and internal errors are
 * logged with it so that an operator can find the line a user or a client reports.
 */
export function createTrpcRouteHandler(identity: Identity, dependencies: Dependencies = {}) {
  const { router = appRouter, db = getDb, log = apiLog } = dependencies;
  return async (req: Request) => {
    const requestId = requestIdFrom(req.headers);
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router,
      createContext: async () =>
        createContext({
          db: db(),
          app: identity.app,
          userId: await identity.getUserId(),
          deviceToken: bearerToken(req.headers.get("authorization")) ?? (await identity.getDeviceCookie?.()),
          ip: clientAddress(req.headers),
          requestId,
        }),
      onError: ({ error, path, type }) => logProcedureError(log, { error, path, type, requestId }),
      responseMeta: ({ paths, type, errors }) => ({ headers: publicCacheHeaders(req, paths, type, errors.length) }),
    });
    response.headers.set("x-request-id", requestId);
    return response;
  };
}

/** The `/api/v1/[...path]` route of an app: the REST face of the procedures, as the same caller as `/api/trpc`. */
export function createRestRouteHandler(identity: Identity) {
  return async (req: Request) => {
    const requestId = requestIdFrom(req.headers);
    const response = await handleRestRequest(req, {
      prefix: "/api/v1",
      createContext: async () =>
        createContext({
          db: getDb(),
          app: identity.app,
          userId: await identity.getUserId(),
          deviceToken: bearerToken(req.headers.get("authorization")) ?? (await identity.getDeviceCookie?.()),
          ip: clientAddress(req.headers),
          requestId,
        }),
      onError: (error, path) => apiLog.error({ err: error, path, requestId }, "REST call failed"),
    });
    response.headers.set("x-request-id", requestId);
    return response;
  };
}

/** `GET /api/openapi.json`: the OpenAPI document of the REST routes, with this app's origin as the server. */
export function createOpenApiRouteHandler() {
  return (req: Request) => {
    const origin = apiEnv.OMNI_PUBLIC_URL ?? new URL(req.url).origin;
    return Response.json(openApiDocument(origin), { headers: { "access-control-allow-origin": "*" } });
  };
}

/** Calls procedures from server components, as the same caller the browser would be. */
export async function createServerCaller(identity: Identity & { headers: Headers }) {
  const requestId = requestIdFrom(identity.headers);
  return createCaller(
    await createContext({
      db: getDb(),
      app: identity.app,
      userId: await identity.getUserId(),
      deviceToken: await identity.getDeviceCookie?.(),
      ip: clientAddress(identity.headers),
      requestId,
    }),
    { onError: ({ error, path, type }) => logProcedureError(apiLog, { error, path, type, requestId }) },
  );
}
