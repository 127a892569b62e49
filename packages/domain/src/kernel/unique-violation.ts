/**
 * Whether an error (drizzle wraps the driver's error in `cause`) is PostgreSQL's unique violation,
 * optionally of one named constraint: two writers raced for the same key and one lost.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const pg = current as { code?: unknown; constraint_name?: unknown; cause?: unknown };
    if (pg.code === "23505") return !constraint || pg.constraint_name === constraint;
    current = pg.cause;
  }
  return false;
}
