"use client";

import { writeCookie } from "@/lib/browser-cookies";
import { STORE_COOKIE } from "@/lib/cookie-names";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";

import { useTRPC } from "@omni/ui/trpc";

/** The shopper's store: chosen once, kept in a cookie, and on the account when signed in. */
export function usePreferredStore(initial: string | null, signedIn: boolean) {
  const trpc = useTRPC();
  const [storeId, setStoreId] = useState(initial);
  const save = useMutation(trpc.account.setPreferredStore.mutationOptions());
  const chooseStore = (id: string) => {
    setStoreId(id);
    writeCookie(STORE_COOKIE, id);
    if (signedIn) save.mutate({ storeId: id });
  };
  return { storeId, chooseStore };
}
