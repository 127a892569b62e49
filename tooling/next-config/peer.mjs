/** The header the apps read the socket's address from (see @omni/auth/client-address). */
export const peerHeader = "x-omni-peer";

/**
 * Writes the socket's remote address into the request, replacing anything a client sent under that
 * name. Next.js itself keeps a client-sent X-Forwarded-For as it is and drops the socket address, so
 * without this an app could not tell a caller from what the caller claims to be.
 */
export function stampPeer(req) {
  req.headers[peerHeader] = req.socket?.remoteAddress ?? "unknown";
}
