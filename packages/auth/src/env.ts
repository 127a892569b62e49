import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

import { invalidSettings } from "@omni/core";

/** The sign-in settings, checked when the package loads so that a bad value is named at start. */
export const authEnv = createEnv({
  server: {
    // Optional at build time; `pnpm start` and the e2e run always provide one (scripts/database.ts).
    AUTH_SECRET: z.string().optional(),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // Plain-HTTP production runs (the e2e journeys on 127.0.0.1) need cookies without the Secure flag.
    OMNI_INSECURE_COOKIES: z.stringbool().default(false),
    // How many reverse proxies stand in front of the apps (0 when they face the internet directly). Each
    // appends the address it saw to X-Forwarded-For, so the caller is that many entries from the right;
    // anything further left was written by the client and is not believed.
    TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    throw invalidSettings(issues);
  },
});

/** Session and device cookies carry the Secure flag in production unless told otherwise. */
export const secureCookies = authEnv.NODE_ENV === "production" && !authEnv.OMNI_INSECURE_COOKIES;
