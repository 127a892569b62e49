import type { AppName } from "./next-auth";

/** Each app keeps its own session cookie, so that signing out of the kiosk never signs a person out of the shop. */
export const sessionCookieName = (app: AppName) => `omni-${app}.session-token`;

/**
 * Whether a request carries this app's session cookie (whole, or in the chunks next-auth splits a large one into).
 * Without one there is nobody to look up, and asking next-auth anyway costs a CSRF token and two SHA-256 digests
 * on every anonymous catalogue read.
 */
export function hasSessionCookie(headers: Headers, app: AppName): boolean {
  return headers.get("cookie")?.includes(sessionCookieName(app)) ?? false;
}
