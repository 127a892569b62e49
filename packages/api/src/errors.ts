import { TRPCError } from "@trpc/server";

import { DomainError } from "@omni/domain/kernel";

type PgError = { code?: string; constraint_name?: string; cause?: unknown };

/** drizzle wraps the driver's error; the PostgreSQL code is on the innermost one. */
function postgresErrorIn(error: unknown): PgError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as PgError;
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** Maps what a use-case throws to a tRPC error with words a shopper or clerk understands. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof DomainError) return new TRPCError({ code: error.code, message: error.message, cause: error });
  const pg = postgresErrorIn(error);
  switch (pg?.code) {
    case "22P02": // invalid text representation (for example a malformed uuid)
    case "22001": // value too long
    case "22003": // numeric out of range
    case "22007":
    case "22008":
    case "22021": // invalid byte sequence
    case "54000":
      return new TRPCError({ code: "BAD_REQUEST", message: "Some of the input is not valid.", cause: error as Error });
    case "23505":
    case "23514":
    case "23P01":
      return new TRPCError({
        code: "CONFLICT",
        message: "This conflicts with a change made at the same time. Please try again.",
        cause: error as Error,
      });
    case "40001":
    case "40P01":
    case "55P03":
      return new TRPCError({
        code: "CONFLICT",
        message: "Many people are doing the same thing right now. Please try again.",
        cause: error as Error,
      });
  }
  return new TRPCError({
    code: "INTERNAL_SERVER_ERROR",
    message: "Something went wrong on our side.",
    cause: error as Error,
  });
}
