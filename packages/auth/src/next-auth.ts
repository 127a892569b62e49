import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";

import { getDb } from "@omni/db";

import { clientAddress } from "./client-address";
import { verifyCredentials } from "./credentials";
import { authEnv, secureCookies } from "./env";
import { authorizeQrToken } from "./qr-sign-in";
import { sessionCookieName } from "./session-cookie";
import { sessionIsCurrent } from "./session-version";
import { loadUserActor } from "./user";

export type AppName = "web" | "kiosk" | "admin";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: string; storeIds: string[] };
  }
}

/**
 * One next-auth instance per app. Each app keeps its own cookie, so that signing out of the
 * kiosk (which happens on every idle reset) never signs a person out of the shop.
 */
export function createAuth(app: AppName) {
  return NextAuth({
    trustHost: true,
    secret: authEnv.AUTH_SECRET,
    session: {
      strategy: "jwt",
      maxAge: app === "admin" ? 12 * 60 * 60 : app === "kiosk" ? 30 * 60 : 30 * 24 * 60 * 60,
    },
    cookies: {
      sessionToken: {
        name: sessionCookieName(app),
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies },
      },
    },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        id: "credentials",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (raw, request) => verifyCredentials(getDb(), raw ?? {}, clientAddress(request.headers)),
      }),
      // The kiosk signs a shopper in by scanning the one-time QR token their account page shows.
      ...(app === "kiosk"
        ? [
            Credentials({
              id: "qr-token",
              credentials: { token: { label: "Sign-in code", type: "text" } },
              authorize: (raw, request) => authorizeQrToken(getDb(), raw, request),
            }),
          ]
        : []),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user?.id) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        // Checked on every request: a password or role change since sign-in ends the session (null clears it).
        return (await sessionIsCurrent(getDb(), token)) ? token : null;
      },
      async session({ session, token }) {
        const actor = token.sub ? await loadUserActor(getDb(), token.sub) : null;
        if (actor) {
          Object.assign(session.user, {
            id: actor.userId,
            email: actor.email,
            name: actor.name,
            role: actor.role,
            storeIds: actor.storeIds,
          });
        }
        return session;
      },
    },
  });
}
