/**
 * PostgreSQL's answers that mean "this transaction lost a race and did nothing; run it again":
 * serialization_failure (40001) and deadlock_detected (40P01). Everything it wrote was rolled back,
 * so running the whole transaction again is safe; calls to the outside world happen outside
 * transactions (house rule), so a retry never repeats them.
 */
const RETRYABLE = new Set(["40001", "40P01"]);

/** How many times a transaction runs at most before the failure reaches the caller. */
export const TRANSACTION_ATTEMPTS = 5;

/** Whether an error (drizzle wraps the driver's in `cause`) is a serialization failure or a deadlock. */
export function isRetryableTransactionError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && RETRYABLE.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` again after a serialization failure or deadlock, up to TRANSACTION_ATTEMPTS times,
 * waiting a little longer each time with jitter so that the two losers of a deadlock do not collide
 * again in step. `onRetry` is told of each retry (for counting in tests and logging in apps).
 */
export async function retryTransaction<T>(
  attempt: () => Promise<T>,
  onRetry?: (error: unknown, attempt: number) => void,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= TRANSACTION_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
      onRetry?.(error, n);
      await pause(Math.random() * 20 * 2 ** n);
    }
  }
}

let retryListener: ((error: unknown, attempt: number) => void) | undefined;

/** Lets an app log retries (the db package has no logger of its own) and tests count them. */
export function onTransactionRetry(listener: ((error: unknown, attempt: number) => void) | undefined): void {
  retryListener = listener;
}

/**
 * Makes every top-level `db.transaction` of a handle retry serialization failures and deadlocks: the
 * one place where this is done, so every use-case gets it. Nested transactions (savepoints) are not
 * retried on their own; the top-level one that contains them is.
 */
export function withTransactionRetry<D extends { transaction: (...args: never[]) => Promise<unknown> }>(db: D): D {
  const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
  (db as { transaction: unknown }).transaction = (...args: unknown[]) =>
    retryTransaction(
      () => original(...args),
      (error, n) => retryListener?.(error, n),
    );
  return db;
}
