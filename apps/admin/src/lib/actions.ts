"use server";

import { auth, signIn, signOut } from "@/auth";
import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";

import { localPath } from "@omni/core";
import { formText } from "@omni/ui/form-text";

import { storeCookieName } from "./session";

export type SignInState = { error?: "credentials" | "limited" | "missing"; failures: number; email?: string };

/** The sign-in limit kept by the server (10 failed attempts per e-mail in 15 minutes). */
const signInLimit = 10;

export async function signInAction(previous: SignInState, form: FormData): Promise<SignInState> {
  const email = formText(form, "email").trim();
  const password = formText(form, "password");
  const next = formText(form, "next") || "/";
  if (!email || !password) return { error: "missing", failures: previous.failures, email };
  try {
    await signIn("credentials", {
      email,
      password,
      redirectTo: localPath(next, "/"),
    });
  } catch (error) {
    // next-auth answers every refusal (wrong password, unknown account, rate limit) with the same
    // error so as not to leak which accounts exist; after the limit it can only be the limit.
    if (error instanceof AuthError) {
      const failures = previous.email === email ? previous.failures + 1 : 1;
      return { error: failures >= signInLimit ? "limited" : "credentials", failures, email };
    }
    throw error;
  }
  return { failures: 0 };
}

export async function signOutAction() {
  await signOut({ redirectTo: "/sign-in" });
}

/** Remembers the store chosen in the switcher; only a store the person works in is kept. */
export async function chooseStore(storeId: string) {
  const session = await auth();
  const user = session?.user;
  if (!user) return;
  if (user.role !== "admin" && !user.storeIds.includes(storeId)) return;
  (await cookies()).set(storeCookieName, storeId, {
    path: "/",
    sameSite: "lax",
    httpOnly: true,
    maxAge: 60 * 60 * 24 * 365,
  });
  revalidatePath("/", "layout");
}

export async function chooseLocale(locale: string) {
  (await cookies()).set("NEXT_LOCALE", locale === "en" ? "en" : "pl", {
    path: "/",
    sameSite: "lax",
    maxAge: 60 * 60 * 24 * 365,
  });
  revalidatePath("/", "layout");
}
