"use server";

import { signIn, signOut } from "@/auth";
import { CART_COOKIE } from "@/lib/cookie-names";
import { serverApi } from "@/server/api";
import { AuthError } from "next-auth";
import { getLocale } from "next-intl/server";
import { cookies } from "next/headers";

import { localPath } from "@omni/core";
import { formText } from "@omni/ui/form-text";

export type AuthFormState = { error?: string; errorKey?: "credentials" | "missing"; email?: string; name?: string };

/** Only paths inside the shop: a `next` pointing elsewhere would make the form an open redirect. */
const safeNext = (value: FormDataEntryValue | null) => localPath(value, "/account");

export async function signInAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = formText(form, "email").trim();
  const password = formText(form, "password");
  if (!email || !password) return { errorKey: "missing", email };
  try {
    // The guest cart in the cookie is merged into the account cart by the shop once the page reloads signed in.
    await signIn("credentials", { email, password, redirectTo: safeNext(form.get("next")) });
  } catch (error) {
    if (error instanceof AuthError) return { errorKey: "credentials", email };
    throw error;
  }
  return {};
}

export async function signUpAction(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const email = formText(form, "email").trim();
  const password = formText(form, "password");
  const name = formText(form, "name").trim();
  try {
    // The account's e-mails speak the language the shopper signed up in.
    const locale = (await getLocale()) === "pl" ? "pl" : "en";
    await (await serverApi()).account.signUp({ email, password, name, locale });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), email, name };
  }
  try {
    await signIn("credentials", { email, password, redirectTo: safeNext(form.get("next")) });
  } catch (error) {
    if (error instanceof AuthError) return { errorKey: "credentials", email, name };
    throw error;
  }
  return {};
}

export async function signOutAction() {
  // The cart id in the cookie now belongs to the account: a signed-out browser must not keep using it.
  (await cookies()).delete(CART_COOKIE);
  await signOut({ redirectTo: "/" });
}
