import "server-only";

import { z } from "zod";

/**
 * The kiosk's settings. `OMNI_DEMO=1` (set by `pnpm start` on the demo database) shows the
 * development-token form on the pairing screen; a real deployment pairs only with a manager's code.
 */
export const env = z
  .object({ OMNI_DEMO: z.enum(["0", "1", "true", "false"]).optional() })
  .transform((raw) => ({ demo: raw.OMNI_DEMO === "1" || raw.OMNI_DEMO === "true" }))
  .parse({ OMNI_DEMO: process.env.OMNI_DEMO || undefined });
