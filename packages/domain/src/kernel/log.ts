/**
 * What the domain needs of a logger. The caller hands one in (the worker script passes the house's pino
 * logger), so the business imports no logging framework; `fields` become the line's JSON fields.
 */
export type Log = {
  info: (fields: object, message: string) => void;
  warn: (fields: object, message: string) => void;
  error: (fields: object, message: string) => void;
  /** Routine detail, off unless the logger's level asks for it (LOG_LEVEL=debug). */
  debug?: (fields: object, message: string) => void;
};
