"use server";

import { signIn, signOut } from "@/auth";
import { kioskEnv } from "@/env";
import { TRPCError } from "@trpc/server";
import { AuthError } from "next-auth";
import { cookies } from "next/headers";

import { deviceCookieName } from "@omni/auth/device";
import { logger } from "@omni/logger";

import { serverApi } from "./api";
import { setDeviceCookie } from "./device";

type Outcome = { ok: true } | { ok: false; error: "invalid" | "failed" };

const log = logger.child({ component: "kiosk" });

/**
 * Pairing with the manager's code from the back office. Called on the server so that the device
 * token it returns goes straight into the http-only cookie and never reaches page scripts.
 */
export async function pairWithCode(
  code: string,
): Promise<{ ok: true } | { ok: false; error: "not_found" | "too_many" | "invalid" | "failed"; message?: string }> {
  const clean = typeof code === "string" ? code.trim() : "";
  if (!clean || clean.length > 64) return { ok: false, error: "invalid" };
  try {
    const paired = await (await serverApi()).devices.pair({ code: clean });
    await setDeviceCookie(paired.token);
    return { ok: true };
  } catch (error) {
    if (error instanceof TRPCError) {
      if (error.code === "NOT_FOUND") return { ok: false, error: "not_found" };
      if (error.code === "TOO_MANY_REQUESTS") return { ok: false, error: "too_many" };
      if (error.code === "BAD_REQUEST") return { ok: false, error: "invalid" };
    }
    log.error({ err: error, action: "pairWithCode" }, "pairing with a code failed");
    return { ok: false, error: "failed", message: error instanceof TRPCError ? error.message : undefined };
  }
}

/**
 * Demo pairing: a device token (e.g. `dev-kiosk-krakow`) is checked and kept in the http-only cookie.
 * Refused outside the demo, where the form is not shown either: a server action can be called
 * without its form.
 */
export async function pairWithDeviceToken(token: string): Promise<Outcome> {
  if (!kioskEnv.OMNI_DEMO) return { ok: false, error: "invalid" };
  const clean = typeof token === "string" ? token.trim() : "";
  if (!clean || clean.length > 200) return { ok: false, error: "invalid" };
  try {
    await (await serverApi({ deviceToken: clean })).kiosk.me();
  } catch (error) {
    // Unknown or revoked (UNAUTHORIZED), or not a kiosk's token (FORBIDDEN): the token is refused.
    if (error instanceof TRPCError && (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN"))
      return { ok: false, error: "invalid" };
    log.error({ err: error, action: "pairWithDeviceToken" }, "checking a device token failed");
    return { ok: false, error: "failed" };
  }
  await setDeviceCookie(clean);
  return { ok: true };
}

/** A manager re-pairs a locked kiosk: forget the revoked token first. */
export async function forgetDevice(): Promise<void> {
  (await cookies()).delete(deviceCookieName);
}

export async function chooseLanguage(locale: string): Promise<void> {
  (await cookies()).set("NEXT_LOCALE", locale === "en" ? "en" : "pl", { path: "/", sameSite: "lax" });
}

/** The idle reset: the shopper's session and language go; the device pairing stays. */
export async function resetKiosk(): Promise<void> {
  (await cookies()).delete("NEXT_LOCALE");
  await signOutHere("resetKiosk");
}

/**
 * Signs the shopper out of this kiosk. Signing out when nobody is signed in succeeds, so a failure is
 * real and serious (the next person could see the last one's account): it is logged and thrown on.
 */
async function signOutHere(action: string) {
  try {
    await signOut({ redirect: false });
  } catch (error) {
    log.error({ err: error, action }, "signing the shopper out failed");
    throw error;
  }
}

export async function signInWithPassword(email: string, password: string): Promise<Outcome> {
  if (typeof email !== "string" || typeof password !== "string" || !email.trim() || !password)
    return { ok: false, error: "invalid" };
  try {
    await signIn("credentials", { email: email.trim(), password, redirect: false });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, error: "invalid" };
    log.error({ err: error, action: "signIn" }, "signing in failed");
    return { ok: false, error: "failed" };
  }
}

/** Signs in with the one-time token from the QR code on the shop's account page. */
export async function signInWithQrToken(token: string): Promise<Outcome> {
  const clean = typeof token === "string" ? token.trim() : "";
  if (!clean || clean.length > 500) return { ok: false, error: "invalid" };
  try {
    await signIn("qr-token", { token: clean, redirect: false });
    return { ok: true };
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, error: "invalid" };
    log.error({ err: error, action: "signIn" }, "signing in failed");
    return { ok: false, error: "failed" };
  }
}

export async function signOutShopper(): Promise<void> {
  await signOutHere("signOutShopper");
}
