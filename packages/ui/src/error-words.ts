/** The catalogue's words (`domainErrors`) for a failure without a reason of its own, by its tRPC code. */
const byCode: Record<string, string> = {
  TOO_MANY_REQUESTS: "tooManyRequests",
  BAD_REQUEST: "invalidInput",
  PARSE_ERROR: "invalidInput",
  UNAUTHORIZED: "unauthorized",
  FORBIDDEN: "forbidden",
  NOT_FOUND: "notFound",
  CONFLICT: "conflict",
};

/** Shared by the client's `useErrorMessage` and the shop's server actions, which word failures on the server. */
export const wordsForCode = (code: string | undefined): string => byCode[code ?? ""] ?? "serverError";
