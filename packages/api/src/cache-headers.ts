import { cachedProcedures } from "./cached-reads";
import { apiEnv } from "./env";

/**
 * `Cache-Control` of an answer: a GET of public catalogue reads only, answered without error, may be kept by a CDN
 * in front for `OMNI_CDN_MAX_AGE_SECONDS` (`s-maxage`, shared caches only) and served while it revalidates
 * (`stale-while-revalidate`). Browsers keep nothing (`max-age=0`): a shopper's own screen always asks the app,
 * whose in-memory cache hears every change. Everything else (carts, availability, anything of a signed-in caller)
 * is `private, no-store`.
 */
export function publicCacheHeaders(
  request: Request,
  paths: readonly string[] | undefined,
  type: string,
  errorCount: number,
): Record<string, string> {
  const cdnSeconds = apiEnv.OMNI_CDN_MAX_AGE_SECONDS;
  const isPublic =
    request.method === "GET" &&
    type === "query" &&
    errorCount === 0 &&
    !!paths?.length &&
    paths.every((path) => path in cachedProcedures);
  if (!isPublic || cdnSeconds === 0) return { "cache-control": "private, no-store" };
  return {
    "cache-control": `public, max-age=0, s-maxage=${cdnSeconds}, stale-while-revalidate=${apiEnv.OMNI_CDN_STALE_SECONDS}`,
  };
}
