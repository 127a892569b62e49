import { NextResponse, type NextRequest } from "next/server";

/**
 * Sends a visitor without a session cookie to the sign-in page, remembering where they were going.
 * Only the cookie's presence is checked here; the staff layout verifies the session itself.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has("omni-admin.session-token")) return NextResponse.next();
  const url = request.nextUrl.clone();
  const next = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = "/sign-in";
  url.search = next === "/" ? "" : `?next=${encodeURIComponent(next)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but the sign-in page, the APIs and static files.
  matcher: ["/((?!sign-in|api/|_next/|favicon\\.ico).*)"],
};
