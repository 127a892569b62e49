import { createEnv } from "@t3-oss/env-core";
import { z } from "zod";

import { invalidSettings } from "@omni/core";

/** The database settings, checked when the package loads so that a bad value is named at start. */
export const dbEnv = createEnv({
  server: {
    // Optional here: tests and `pnpm start` hand their own database URL to createDb; getDb() requires it.
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int().positive().max(1000).default(10),
  },
  runtimeEnv: process.env,
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    throw invalidSettings(issues);
  },
});
