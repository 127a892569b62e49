import { TRPCError } from "@trpc/server";

/** True when a server-side procedure call failed because the thing does not exist. */
export const isNotFound = (error: unknown) => error instanceof TRPCError && error.code === "NOT_FOUND";

/** The message of a failed server-side call, for pages that show it instead of crashing. */
export const serverErrorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A server-side call that yields `null` for NOT_FOUND and rethrows anything else. */
export async function orNull<T>(call: Promise<T>): Promise<T | null> {
  try {
    return await call;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
