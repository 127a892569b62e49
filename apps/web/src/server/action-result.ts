import "server-only";

import { TRPCError } from "@trpc/server";
import { getTranslations } from "next-intl/server";

import { refusalWording } from "@omni/api/trpc";
import { wordsForCode } from "@omni/ui/error-words";

/** What a shop server action answers: the procedure's output, or the failure worded in the reader's language. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; code: string; message: string };

/**
 * Runs one call of the server-side tRPC caller for a client island. A thrown error would reach the browser as
 * a bare "Server Components render" error, so a refusal is answered as data, worded like `useErrorMessage` does
 * on the client (the refusal's own sentence, else one per kind of failure), never the server's English.
 */
export async function actionResult<T>(call: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await call() };
  } catch (error) {
    const code = error instanceof TRPCError ? error.code : "INTERNAL_SERVER_ERROR";
    const { reason, params } = error instanceof TRPCError ? refusalWording(error.cause) : {};
    const t = await getTranslations("domainErrors");
    const message = reason && t.has(reason) ? t(reason, params) : t(wordsForCode(code));
    return { ok: false, code, message };
  }
}
