import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

import { invalidSettings } from "@omni/core";

/** The API's settings, checked when the package loads so that a bad value is named at start. */
export const apiEnv = createEnv({
  server: {
    // The origin the OpenAPI document names as its server; without it, the origin the request came to.
    OMNI_PUBLIC_URL: z.url().optional(),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    throw invalidSettings(issues);
  },
});
