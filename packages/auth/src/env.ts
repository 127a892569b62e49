import { z } from "zod";

/**
 * Settings of sign-in and caller identification.
 * `TRUSTED_PROXIES`: how many reverse proxies stand in front of the apps (0 when the apps face the
 * internet directly). Each appends the address it saw to `X-Forwarded-For`, so the caller is that many
 * entries from the right; anything further left was written by the client and is not believed.
 */
export const env = z
  .object({ TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0) })
  .parse({ TRUSTED_PROXIES: process.env.TRUSTED_PROXIES || undefined });
