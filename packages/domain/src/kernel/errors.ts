export type DomainErrorCode =
  "BAD_REQUEST" | "NOT_FOUND" | "UNAUTHORIZED" | "FORBIDDEN" | "CONFLICT" | "TOO_MANY_REQUESTS";

/** A business refusal, in words a shopper or clerk understands. The API maps `code` to a tRPC code. */
export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string) => new DomainError("NOT_FOUND", `${what} was not found.`);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new DomainError("CONFLICT", message, details);
export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new DomainError("BAD_REQUEST", message, details);
export const forbidden = (message = "You are not allowed to do this.") => new DomainError("FORBIDDEN", message);
