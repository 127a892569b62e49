import { fetchRequestHandler } from "@trpc/server/adapters/fetch";

import { clientAddress } from "@omni/auth/client-address";
import { getDb } from "@omni/db";

import { bearerToken, createContext, type AppName } from "./context";
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
          ip: clientAddress(req.headers),
        }),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path}:`, error.cause ?? error);
      },
    });
}

/** Calls procedures from server components, as the same caller the browser would be. */
export async function createServerCaller(identity: Identity & { headers: Headers }) {
  return createCaller(
    await createContext({
      db: getDb(),
      app: identity.app,
      userId: await identity.getUserId(),
      deviceToken: await identity.getDeviceCookie?.(),
      ip: clientAddress(identity.headers),
    }),
  );
}
