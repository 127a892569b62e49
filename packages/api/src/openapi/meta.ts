import type { ApiScope } from "@omni/domain/integrations";

import type { Meta } from "../trpc";

type Method = "GET" | "POST" | "PUT" | "DELETE";

/**
 * The REST face of a procedure: `/api/v1<path>` answers plain JSON (no superjson), with the same
 * authorisation and errors as the procedure; an API key needs `scope` to call it.
 */
export function rest(
  method: Method,
  path: `/${string}`,
  scope: ApiScope,
  summary: string,
  options: { protect?: boolean } = {},
): Meta {
  const tag = path.split("/")[1]!;
  return {
    scope,
    openapi: {
      method,
      path,
      summary,
      tags: [tag],
      protect: options.protect ?? false,
      errorResponses: [400, 401, 403, 404, 409, 429],
    },
  };
}
