"use client";

import { setPreferredStoreAction } from "@/app/actions/shop";
import { writeCookie } from "@/lib/browser-cookies";
import { STORE_COOKIE } from "@/lib/cookie-names";
import { useState } from "react";

/** The shopper's store: chosen once, kept in a cookie, and on the account when signed in. */
export function usePreferredStore(initial: string | null, signedIn: boolean) {
  const [storeId, setStoreId] = useState(initial);
  const chooseStore = (id: string) => {
    setStoreId(id);
    writeCookie(STORE_COOKIE, id);
    // The cookie already holds the choice for this browser; the account's copy is a convenience, so a failure is quiet.
    if (signedIn) void setPreferredStoreAction({ storeId: id }).catch(() => undefined);
  };
  return { storeId, chooseStore };
}
