import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { eq } from "drizzle-orm";

import { users, type Database } from "@omni/db";

import { bearerToken, createContext, type AppName } from "./context";
import { handleRestRequest } from "./openapi/rest-handler";
import { appRouter } from "./root";
import { createCallerFactory } from "./trpc";

const createCaller = createCallerFactory(appRouter);

export type Who = "anonymous" | { email: string } | { kiosk: string } | { deviceToken: string };

async function userIdOf(db: Database, email: string): Promise<string> {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) throw new Error(`No test user ${email}`);
  return user.id;
}

/** A server-side caller acting as someone through one app, for domain and API tests. */
export async function callerFor(db: Database, who: Who, app: AppName = "web", ip = "127.0.0.1") {
  const userId = typeof who === "object" && "email" in who ? await userIdOf(db, who.email) : null;
  const deviceToken =
    typeof who === "object" && "kiosk" in who
      ? `dev-kiosk-${who.kiosk}`
      : typeof who === "object" && "deviceToken" in who
        ? who.deviceToken
        : null;
  const ctx = await createContext({ db, app: deviceToken ? "kiosk" : app, userId, deviceToken, ip });
  return createCaller(ctx);
}

/** The HTTP transport of the contract, without a Next server: for tests of status codes and wire format. */
export function httpHandler(db: Database, app: AppName = "web") {
  return (request: Request, options: { userId?: string; deviceToken?: string } = {}) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req: request,
      router: appRouter,
      createContext: () =>
        createContext({
          db,
          app,
          userId: options.userId ?? null,
          deviceToken: options.deviceToken ?? null,
          ip: "127.0.0.1",
        }),
    });
}

/** The REST routes (`/api/v1/...`) without a Next server; an `Authorization: Bearer` header is read as in the apps. */
export function restHandler(db: Database, app: AppName = "web") {
  return (request: Request, options: { userId?: string } = {}) =>
    handleRestRequest(request, {
      prefix: "/api/v1",
      createContext: () =>
        createContext({
          db,
          app,
          userId: options.userId ?? null,
          deviceToken: bearerToken(request.headers.get("authorization")),
          ip: "127.0.0.1",
        }),
    });
}
