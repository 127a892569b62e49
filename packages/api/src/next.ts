import type { AnyTRPCRouter } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { clientAddress } from "@omni/auth/client-address";
import { hasSessionCookie } from "@omni/auth/session-cookie";
import { getDb, type Database } from "@omni/db";
import { logger, type Logger } from "@omni/logger";

import { publicCacheHeaders } from "./cache-headers";
import { answerIsCacheable, cachedAnswer, type StoredAnswer } from "./cached-reads";
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
  /** The signed-in user of this app's next-auth session (asked only when the request carries its cookie). */
  getUserId: () => Promise<string | null | undefined>;
  /** The kiosk app's paired device token from its http-only cookie. */
  getDeviceCookie?: () => Promise<string | null | undefined>;
};

/** What the route handler is built on; the apps take the defaults, tests hand in their own. */
type Dependencies = {
  router?: AnyTRPCRouter;
  db?: () => Database;
  log?: Logger;
  /** The caller's address (default: from the socket, as the apps' servers stamp it). */
  addressOf?: (req: Request) => string | null;
};

const signedInUser = (identity: Identity, headers: Headers) =>
  hasSessionCookie(headers, identity.app) ? identity.getUserId() : null;

/**
 * The `/api/trpc` route of an app: the shared router, with the caller read from the request. Every
 * answer carries `x-request-id` (the caller's own when sane, else a new one), and internal errors are
 * logged with it so that an operator can find the line a user or a client reports.
 */
export function createTrpcRouteHandler(identity: Identity, dependencies: Dependencies = {}) {
  const {
    router = appRouter,
    db = getDb,
    log = apiLog,
    addressOf = (req) => clientAddress(req.headers),
  } = dependencies;
  const handle = async (req: Request, requestId: string) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router,
      createContext: async () =>
        createContext({
          db: db(),
          app: identity.app,
          userId: await signedInUser(identity, req.headers),
          deviceToken: bearerToken(req.headers.get("authorization")) ?? (await identity.getDeviceCookie?.()),
          ip: addressOf(req),
          requestId,
        }),
      onError: ({ error, path, type }) => logProcedureError(log, { error, path, type, requestId }),
      responseMeta: ({ paths, type, errors }) => ({ headers: publicCacheHeaders(req, paths, type, errors.length) }),
    });
  return async (req: Request) => {
    const requestId = requestIdFrom(req.headers);
    const url = new URL(req.url);
    const procedure = publicReadOf(req, url);
    if (procedure && (await isAnonymous(req, identity))) {
      const answer = await cachedAnswer(db(), procedure, url, async () => storable(await handle(req, requestId)));
      return whole(answer, requestId);
    }
    return whole(await storable(await handle(req, requestId)), requestId);
  };
}

/** Below this many bytes an answer is sent as it is: gzip would save a few hundred bytes at a cost of more CPU. */
const COMPRESS_FROM_BYTES = 1024;

/**
 * The answer, with `x-request-id`. Next gzips every answer it cannot measure, and a route's answer is a stream to it,
 * so a short call's 300 bytes cost a gzip stream and three writes, more than the procedure behind it. A short answer
 * says `no-transform`, which the server's compression honours (as does any proxy).
 */
function whole(answer: StoredAnswer, requestId: string) {
  const headers = new Headers(answer.headers);
  if (Buffer.byteLength(answer.body) < COMPRESS_FROM_BYTES) {
    const cacheControl = headers.get("cache-control");
    headers.set("cache-control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  }
  headers.set("x-request-id", requestId);
  return new Response(answer.body, { status: answer.status, headers });
}

/** The procedure of a GET of one public, cacheable read (not a batch), else null. */
function publicReadOf(req: Request, url: URL): string | null {
  if (req.method !== "GET" || url.searchParams.has("batch")) return null;
  const procedure = url.pathname.slice(url.pathname.lastIndexOf("/") + 1);
  return answerIsCacheable(procedure) ? procedure : null;
}

/** No user, API key or kiosk device: nobody whose rights or refusal could make the answer differ. */
async function isAnonymous(req: Request, identity: Identity) {
  if (req.headers.has("authorization") || hasSessionCookie(req.headers, identity.app)) return false;
  return !(await identity.getDeviceCookie?.());
}

async function storable(response: Response): Promise<StoredAnswer> {
  return { status: response.status, body: await response.text(), headers: [...response.headers] };
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
          userId: await signedInUser(identity, req.headers),
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
      userId: await signedInUser(identity, identity.headers),
      deviceToken: await identity.getDeviceCookie?.(),
      ip: clientAddress(identity.headers),
      requestId,
    }),
    { onError: ({ error, path, type }) => logProcedureError(apiLog, { error, path, type, requestId }) },
  );
}
