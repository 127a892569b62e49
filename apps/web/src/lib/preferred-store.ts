import "server-only";
import { cookies } from "next/headers";
import { STORE_COOKIE } from "./cookie-names";

/** The shopper's store, chosen once and kept in a cookie (and on the account when signed in). */
export async function preferredStoreId(): Promise<string | null> {
  const value = (await cookies()).get(STORE_COOKIE)?.value;
  return value && /^[a-z0-9-]{1,64}$/.test(value) ? value : null;
}
