import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

import { invalidSettings } from "@omni/core";

/** The API's settings, checked when the package loads so that a bad value is named at start. */
export const apiEnv = createEnv({
  server: {
    // The origin the OpenAPI document names as its server; without it, the origin the request came to.
    OMNI_PUBLIC_URL: z.url().optional(),
    // Public catalogue answers are kept in memory at most this long (they are dropped at once on any change, see
    // read-cache.ts); 0 switches the cache off.
    OMNI_READ_CACHE_TTL_MS: z.coerce.number().int().min(0).max(86_400_000).default(300_000),
    OMNI_READ_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
    // What `s-maxage` public GETs announce to a CDN in front (seconds; 0: no CDN caching). A CDN does not hear the
    // database's change notices, so it may serve an answer this long after a change (and revalidates in the background
    // for OMNI_CDN_STALE_SECONDS more).
    OMNI_CDN_MAX_AGE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(5),
    OMNI_CDN_STALE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    throw invalidSettings(issues);
  },
});
