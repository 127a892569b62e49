import type { TRPCError } from "@trpc/server";

import type { Logger } from "@omni/logger";

/**
 * A request id from outside (a proxy, a load balancer, a client) is kept only when it is short and plain,
 * since it is written into log lines and echoed in a header; anything else gets a fresh id.
 */
const saneRequestId = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get("x-request-id");
  return incoming && saneRequestId.test(incoming) ? incoming : crypto.randomUUID();
}

/**
 * Logs a failed procedure call. Internal errors (unexpected ones that errors.ts mapped, or a bug) are
 * logged as errors with the request id, the path and the stack of what was thrown; refusals the caller
 * can act on (bad input, not found, conflict…) are part of normal traffic and only logged at debug.
 */
export function logProcedureError(
  log: Logger,
  failure: { error: TRPCError; path: string | undefined; type: string; requestId: string },
) {
  const { error, path, type, requestId } = failure;
  if (error.code === "INTERNAL_SERVER_ERROR") {
    log.error({ requestId, path, type, err: error.cause ?? error }, "procedure failed");
  } else {
    log.debug({ requestId, path, type, code: error.code, reason: error.message }, "procedure refused");
  }
}
