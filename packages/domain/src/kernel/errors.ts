import { DOMAIN_REASONS, type DomainReason } from "./error-reasons";

export { DOMAIN_REASONS, type DomainReason };

export type DomainErrorCode =
  "BAD_REQUEST" | "NOT_FOUND" | "UNAUTHORIZED" | "FORBIDDEN" | "CONFLICT" | "TOO_MANY_REQUESTS";

/**
 * What a refusal carries besides its English sentence: `reason`, a stable code that each app words in
 * its own language (the `domainErrors` catalogue), and the plain values that wording needs.
 */
export type DomainErrorDetails = { reason: DomainReason } & Record<string, unknown>;

/**
 * A business refusal, in words a shopper or clerk understands. The API maps `code` to a tRPC code; the
 * English `message` is for API clients and logs, the screens word `details.reason` themselves.
 */
export class DomainError extends Error {
  constructor(
    public readonly code: DomainErrorCode,
    message: string,
    public readonly details: DomainErrorDetails,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string, reason: DomainReason, params?: Record<string, unknown>) =>
  new DomainError("NOT_FOUND", `${what} was not found.`, { ...params, reason });
export const conflict = (message: string, details: DomainErrorDetails) => new DomainError("CONFLICT", message, details);
export const badRequest = (message: string, details: DomainErrorDetails) =>
  new DomainError("BAD_REQUEST", message, details);
export const forbidden = (message: string, details: DomainErrorDetails) =>
  new DomainError("FORBIDDEN", message, details);
/** The refusal met most often: staff acting on a store they are not on the staff of. */
export const notYourStore = () => forbidden("You do not work in this store.", { reason: "not_your_store" });
