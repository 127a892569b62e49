import "server-only";

import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

import { invalidSettings } from "@omni/core";

/**
 * The kiosk's server settings. Read from process.env when the server starts (not inlined at build time),
 * so one build runs anywhere; a bad value stops the server with its name.
 */
export const kioskEnv = createEnv({
  server: {
    // How long the kiosk waits untouched before asking "Still there?", and how long it then counts down.
    OMNI_KIOSK_IDLE_MS: z.coerce.number().int().positive().default(60_000),
    OMNI_KIOSK_WARN_MS: z.coerce.number().int().positive().default(15_000),
    // The shop, for "Continue on your phone" QR codes.
    OMNI_WEB_URL: z.url().default("http://localhost:3000"),
    // Set by `pnpm start` on the demo database: the pairing screen also offers the development-token form.
    // A real deployment pairs only with a manager's code.
    OMNI_DEMO: z.stringbool().default(false),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    throw invalidSettings(issues);
  },
});
