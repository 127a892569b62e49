import "server-only";

const positive = (raw: string | undefined, fallback: number) => {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** How long the kiosk waits untouched before asking "Still there?", and how long it then counts down. */
export function idleTimeouts() {
  return {
    idleMs: positive(process.env.OMNI_KIOSK_IDLE_MS, 60_000),
    warnMs: positive(process.env.OMNI_KIOSK_WARN_MS, 15_000),
  };
}

/** The shop, for "Continue on your phone" QR codes. */
export function webUrl() {
  return (process.env.OMNI_WEB_URL || "http://localhost:3000").replace(/\/+$/, "");
}
