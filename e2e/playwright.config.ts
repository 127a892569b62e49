import fs from "node:fs";

import { defineConfig, devices } from "@playwright/test";

/**
 * Chromium: PLAYWRIGHT_CHROMIUM_PATH if set, else Debian's /usr/bin/chromium if present, else the
 * browser that `npx playwright install chromium` put on the user's machine.
 */
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || systemChromium;

export default defineConfig({
  testDir: "./journeys",
  outputDir: "./.artifacts/results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"], ["json"]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
});
