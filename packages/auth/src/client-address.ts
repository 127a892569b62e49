import { authEnv } from "./env";

/**
 * The header that the apps' server (tooling/next-config/serve.mjs) sets to the socket's remote address
 * on every request, replacing whatever a client sent under that name.
 */
export const peerHeader = "x-omni-peer"; // the same name as tooling/next-config/peer.mjs

/**
 * The caller's network address, for rate limits on anonymous callers. It is the socket's address,
 * unless `trustedProxies` proxies stand in front: then the proxies' own `X-Forwarded-For` entries, read
 * from the right, name the caller. A client can prepend anything to `X-Forwarded-For`; those entries
 * are left of the ones our proxies append, so they are never read.
 */
export function clientAddress(headers: Headers, trustedProxies = authEnv.TRUSTED_PROXIES): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const peer = headers.get(peerHeader)?.trim();
  // Without our server in front (plain `next start`/`next dev`), Next.js writes the socket address
  // into X-Forwarded-For only when the client sent none; its last entry is the best there is.
  const chain = peer ? [...forwarded, peer] : forwarded;
  if (!chain.length) return "unknown";
  return chain[Math.max(0, chain.length - 1 - trustedProxies)]!;
}
