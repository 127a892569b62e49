import "server-only";

import { TRPCError } from "@trpc/server";

import { logger } from "@omni/logger";

const log = logger.child({ component: "web" });

/**
 * A server-side call for a part of a page that the page can do without (the footer's store list, a
 * form's prefill): if it fails, the part says so or starts empty instead of the whole page failing.
 * `null` comes back; the failure is logged with the part's name (an internal one was also logged, with
 * its request id and stack, by the server caller), at debug when the refusal is expected.
 */
export async function orUnavailable<T>(call: Promise<T>, part: string): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR")
      log.debug({ part, code: error.code }, "page part left out: refused");
    else log.warn({ part, err: error }, "page part left out: failed");
    return null;
  }
}
