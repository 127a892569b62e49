import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";

export const urls = {
  web: process.env.OMNI_E2E_WEB ?? "http://127.0.0.1:3100",
  kiosk: process.env.OMNI_E2E_KIOSK ?? "http://127.0.0.1:3101",
  admin: process.env.OMNI_E2E_ADMIN ?? "http://127.0.0.1:3102",
};

export const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
export const kioskScreen = { viewport: { width: 1080, height: 1920 }, hasTouch: true };

const artifacts = path.join(import.meta.dirname, ".artifacts", "screenshots");

/** Keeps a named screenshot of a journey step as a test artifact. */
export async function snap(page: Page, name: string) {
  fs.mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: false });
}

/** Signs in through an app's next-auth credentials provider, as a person would through its form. */
export async function signInWithApi(page: Page, appUrl: string, email: string, password: string) {
  const csrf = await (await page.request.get(`${appUrl}/api/auth/csrf`)).json();
  const response = await page.request.post(`${appUrl}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email, password, redirect: "false", callbackUrl: appUrl },
  });
  expect(response.ok()).toBeTruthy();
}

export const test = base;
export { expect };
