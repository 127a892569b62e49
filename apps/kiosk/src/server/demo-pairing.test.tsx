import { NextIntlClientProvider } from "next-intl";
import { renderToString } from "react-dom/server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

import { deviceCookieName } from "@omni/auth/device";
// The kiosk's server reaches the database only through @omni/api; the test provides that database.
// eslint-disable-next-line no-restricted-imports
import { createTestDatabase } from "@omni/db/testing";

import messages from "../../messages/en.json";

/**
 * The attack (issue 12): the production kiosk offered the development-token form, so anyone at the
 * screen could pair it to a store with a `dev-kiosk-*` token from the README. Outside the demo
 * (`OMNI_DEMO` unset, as in a real deployment) the pairing screen has no token form, and its server
 * action refuses a token even when called without the form.
 */
const jar = vi.hoisted(() => new Map<string, string>());
// The kiosk's real settings module, read afresh for each start (a mock factory runs only once).
const settings = vi.hoisted(() => ({ kioskEnv: undefined as unknown }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => new Headers(),
}));
// No shopper is signed in at the pairing screen; next-auth itself is not under test.
vi.mock("@/auth", () => ({ auth: async () => null, signIn: vi.fn(), signOut: vi.fn() }));
vi.mock("next-auth", () => ({ AuthError: class AuthError extends Error {} }));
vi.mock("@/env", () => ({
  get kioskEnv() {
    return settings.kioskEnv;
  },
}));
vi.mock("@/server/actions", () => import("./actions"));

const t = await createTestDatabase();
// The apps' process-wide pool (getDb) is this file's copy of the seeded database.
(globalThis as { omniDb?: unknown }).omniDb = t;
afterAll(() => t.close());

/** The kiosk's modules as a server started with the given settings reads them. */
async function kioskStartedWith(demo: boolean) {
  vi.resetModules();
  if (demo) vi.stubEnv("OMNI_DEMO", "1");
  else vi.stubEnv("OMNI_DEMO", undefined);
  const { kioskEnv } = await import("../env");
  settings.kioskEnv = kioskEnv;
  const [{ pairWithDeviceToken }, { PairScreen }] = await Promise.all([
    import("./actions"),
    import("../components/pair-screen"),
  ]);
  const pairingScreen = renderToString(
    <NextIntlClientProvider locale="en" messages={messages} timeZone="Europe/Warsaw">
      <PairScreen allowDeviceToken={kioskEnv.OMNI_DEMO} />
    </NextIntlClientProvider>,
  );
  return { pairWithDeviceToken, pairingScreen };
}

beforeEach(() => {
  jar.clear();
  vi.unstubAllEnvs();
});

describe("pairing a kiosk with a development device token", () => {
  it("is not offered, and is refused, outside the demo", async () => {
    const kiosk = await kioskStartedWith(false);
    expect(kiosk.pairingScreen).toContain('data-testid="pair-code"');
    expect(kiosk.pairingScreen).not.toContain("use-dev-token");
    expect(kiosk.pairingScreen).not.toContain("dev-token");
    // Called without its form (a server action is a public endpoint): refused, no pairing cookie.
    expect(await kiosk.pairWithDeviceToken("dev-kiosk-krakow")).toEqual({ ok: false, error: "invalid" });
    expect(jar.has(deviceCookieName)).toBe(false);
  });

  it("works in the demo, for a known token only", async () => {
    const kiosk = await kioskStartedWith(true);
    expect(kiosk.pairingScreen).toContain('data-testid="use-dev-token"');
    expect(await kiosk.pairWithDeviceToken("dev-kiosk-nowhere")).toEqual({ ok: false, error: "invalid" });
    expect(jar.has(deviceCookieName)).toBe(false);
    expect(await kiosk.pairWithDeviceToken("dev-kiosk-krakow")).toEqual({ ok: true });
    expect(jar.get(deviceCookieName)).toBe("dev-kiosk-krakow");
  });
});
