import "server-only";

import { auth } from "@/auth";
import { serverApi } from "@/server/api";
import { orUnavailable } from "@/server/optional";
import { cookies } from "next/headers";

import { STORE_COOKIE } from "./cookie-names";

/**
 * The shopper's store, chosen once and kept in a cookie; a signed-in shopper on a new device gets
 * the store saved on their account.
 */
export async function preferredStoreId(): Promise<string | null> {
  const value = (await cookies()).get(STORE_COOKIE)?.value;
  if (value && /^[a-z0-9-]{1,64}$/.test(value)) return value;
  if (!(await auth())?.user) return null;
  const me = await orUnavailable((await serverApi()).account.me(), "preferred store of the account");
  return me?.preferredStoreId ?? null;
}
