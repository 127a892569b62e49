import "server-only";

import { kioskEnv } from "@/env";

/** How long the kiosk waits untouched before asking "Still there?", and how long it then counts down. */
export function idleTimeouts() {
  return { idleMs: kioskEnv.OMNI_KIOSK_IDLE_MS, warnMs: kioskEnv.OMNI_KIOSK_WARN_MS };
}

/** The shop, for "Continue on your phone" QR codes. */
export function webUrl() {
  return kioskEnv.OMNI_WEB_URL.replace(/\/+$/, "");
}
