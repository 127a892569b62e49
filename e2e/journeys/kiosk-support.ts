import type { BrowserContext, Page } from "@playwright/test";
import { urls } from "../fixtures";

/** Pairs the kiosk app the way the development pairing form does: the device token in the http-only cookie. */
export async function pairKiosk(context: BrowserContext, storeId = "krakow") {
  await context.addCookies([{ name: "omni-kiosk-device", value: `dev-kiosk-${storeId}`, url: urls.kiosk, httpOnly: true, sameSite: "Strict" }]);
}

/** Types on the on-screen keyboard, one tap per character. */
export async function tapKeys(page: Page, text: string) {
  for (const char of text.toLowerCase()) {
    await page.getByTestId(char === " " ? "osk-key-space" : `osk-key-${char}`).tap();
  }
}

/** A procedure of the shared router through the kiosk app, as the device of `storeId`. */
export async function kioskQuery<T>(page: Page, path: string, input: unknown, storeId = "krakow"): Promise<T> {
  const response = await page.request.get(`${urls.kiosk}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`, {
    headers: { authorization: `Bearer dev-kiosk-${storeId}` },
  });
  const body = await response.json();
  if (!response.ok()) throw new Error(`${path}: ${JSON.stringify(body)}`);
  return body.result.data.json as T;
}
