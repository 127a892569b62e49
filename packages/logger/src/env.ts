import { z } from "zod";

/** The settings of the logger, read once at start; the only file of this package that reads process.env. */
const schema = z.object({
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

function readEnv() {
  const parsed = schema.safeParse({ LOG_LEVEL: process.env.LOG_LEVEL || undefined });
  if (!parsed.success) {
    // Named at start rather than failing somewhere later with a less helpful message.
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid logger setting: ${problems}`);
  }
  return parsed.data;
}

export const env = readEnv();
