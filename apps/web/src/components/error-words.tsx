"use client";

import type { ActionResult } from "@/server/action-result";
import { createContext, useCallback, useContext, type ReactNode } from "react";

type Words = { title: string; generic: string; network: string };

const Context = createContext<{ words: Words; locale: string }>({
  words: {
    title: "Something went wrong",
    generic: "Please try again in a moment.",
    network: "We could not reach the shop. Check the connection and try again.",
  },
  locale: "en",
});

/**
 * The words for failures, from the root layout, so app/error.tsx and the lean pages' islands need no client
 * message catalogue.
 */
export function ErrorWords({ words, locale, children }: { words: Words; locale: string; children: ReactNode }) {
  return <Context value={{ words, locale }}>{children}</Context>;
}

export const useErrorWords = () => useContext(Context);

/** Calls a shop server action; a request that never got an answer becomes a failure worded for the reader. */
export function useAction() {
  const network = useErrorWords().words.network;
  return useCallback(
    <T,>(call: Promise<ActionResult<T>>): Promise<ActionResult<T>> =>
      call.catch(() => ({ ok: false as const, code: "NETWORK", message: network })),
    [network],
  );
}
