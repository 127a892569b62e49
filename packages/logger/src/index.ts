import { pino, type DestinationStream, type Logger } from "pino";

import { env } from "./env";

export type { Logger };
export type LogLevel = typeof env.LOG_LEVEL;

/**
 * A JSON-lines logger (one object per line on stdout) that a log collector can parse and filter by
 * field: `requestId`, `path`, `err.stack`. `destination` lets a test read what was written.
 */
export function createLogger(options: { name?: string; level?: LogLevel; destination?: DestinationStream } = {}) {
  return pino(
    { name: options.name ?? "omni", level: options.level ?? env.LOG_LEVEL, base: { pid: process.pid } },
    options.destination ?? pino.destination({ sync: true }),
  );
}

/** The one logger of the apps, the API and the worker; use `.child({ ... })` to add context. */
export const logger: Logger = createLogger();
