import { afterEach, expect, it, vi } from "vitest";

// env.ts checks the settings when it loads: each case loads a fresh copy under the stubbed settings.
afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

it("names a malformed SMTP_URL instead of failing at the first e-mail", async () => {
  vi.stubEnv("SMTP_URL", "mail.example.com:25");
  await expect(import("./env")).rejects.toThrow(/Invalid settings: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
});

it("names a worker switch that is not a yes or a no", async () => {
  vi.stubEnv("OMNI_WORKER_FAST", "sometimes");
  await expect(import("./env")).rejects.toThrow(/OMNI_WORKER_FAST/);
});

it("takes a well-formed SMTP_URL and falls back to the defaults for the rest", async () => {
  vi.stubEnv("SMTP_URL", "smtp://user:secret@mail.example.com:587");
  vi.stubEnv("MAIL_FROM", "");
  vi.stubEnv("OMNI_WORKER_FAST", "");
  const { domainEnv } = await import("./env");
  expect(domainEnv).toMatchObject({
    SMTP_URL: "smtp://user:secret@mail.example.com:587",
    MAIL_FROM: "Omni <no-reply@omni.local>",
    OMNI_WORKER_FAST: false,
  });
});
