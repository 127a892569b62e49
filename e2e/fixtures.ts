import fs from "node:fs";
import path from "node:path";

import { test as base, expect, type Browser, type Page } from "@playwright/test";

import { trpcMutation, trpcQuery } from "./trpc";

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

/**
 * The journeys' `test`: Playwright's, plus `admin`, an API request context signed in to the back office as the
 * seed's admin (made only for a journey that asks for it, disposed after it), to set up what the journey needs.
 */
export const test = base.extend<{ admin: ApiRequest }>({
  admin: async ({ playwright }, use) => {
    const admin = await staffApi(playwright, staff.admin.email, staff.admin.password);
    await use(admin);
    await admin.dispose();
  },
});
export { expect };

// ---- Helpers for the cross-channel journeys (e2e/journeys/cross-*.spec.ts) ----

type ApiRequest = import("@playwright/test").APIRequestContext;

/** The device token header a kiosk of `storeId` sends (the development seed's `dev-kiosk-<store>`). */
export const kioskDevice = (storeId: string) => ({ authorization: `Bearer dev-kiosk-${storeId}` });

/** Signs an API request context in on an app, like signInWithApi does for a page. */
export async function signInRequest(request: ApiRequest, appUrl: string, email: string, password: string) {
  const csrf = await (await request.get(`${appUrl}/api/auth/csrf`)).json();
  const response = await request.post(`${appUrl}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email, password, redirect: "false", callbackUrl: appUrl },
  });
  expect(response.ok()).toBeTruthy();
  const session = await (await request.get(`${appUrl}/api/auth/session`)).json();
  expect(session?.user?.email, `signed in as ${email}`).toBe(email);
}

export type PickedVariant = {
  slug: string;
  title: string;
  sku: string;
  variantTitle: string;
  priceMinor: number;
  listPriceMinor: number;
};

/**
 * Variants of `count` different products that may be returned (not final sale), found through the
 * catalogue API. `skip` products are passed over first so that each journey works on its own SKUs.
 */
export async function pickVariants(request: ApiRequest, count: number, skip: number): Promise<PickedVariant[]> {
  const picked: PickedVariant[] = [];
  let cursor: string | null = null;
  let seen = 0;
  for (let page = 0; page < 20 && picked.length < count; page++) {
    const result: { items: { slug: string }[]; nextCursor: string | null } = await trpcQuery(
      request,
      urls.web,
      "catalog.search",
      { limit: 50, cursor },
    );
    for (const item of result.items) {
      if (picked.length >= count) break;
      if (seen++ < skip) continue;
      const product = await trpcQuery<{
        slug: string;
        title: string;
        finalSale: boolean;
        variants: { sku: string; title: string; priceMinor: number; listPriceMinor?: number }[];
      }>(request, urls.web, "catalog.product", { slug: item.slug });
      const variant = product.variants[0];
      if (product.finalSale || !variant) continue;
      picked.push({
        slug: product.slug,
        title: product.title,
        sku: variant.sku,
        variantTitle: variant.title,
        priceMinor: variant.priceMinor,
        listPriceMinor: variant.listPriceMinor ?? variant.priceMinor,
      });
    }
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  if (picked.length < count) throw new Error(`Only ${picked.length} returnable products were found.`);
  return picked;
}

/** What a store can promise of a SKU right now (inventory.availability). */
export async function availableAt(request: ApiRequest, sku: string, storeId: string): Promise<number> {
  const answer = await trpcQuery<{ locations: { storeId: string; available: number }[] }>(
    request,
    urls.web,
    "inventory.availability",
    { sku, storeIds: [storeId] },
  );
  return answer.locations.find((l) => l.storeId === storeId)?.available ?? 0;
}

/** Money as the apps print it (formatMoney of @omni/ui), as a pattern that tolerates any kind of space. */
export function moneyPattern(minor: number, locale: "pl" | "en" = "pl"): RegExp {
  const text = new Intl.NumberFormat(locale === "pl" ? "pl-PL" : "en-GB", {
    style: "currency",
    currency: "PLN",
  }).format(minor / 100);
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s*"));
}

/** An API request context signed in to the back office (staff procedures live on the admin app). */
export async function staffApi(
  playwright: { request: { newContext: () => Promise<ApiRequest> } },
  email: string,
  password: string,
): Promise<ApiRequest> {
  const request = await playwright.request.newContext();
  await signInRequest(request, urls.admin, email, password);
  return request;
}

/** Sets a SKU's stock on hand in each store named (store id → units), with the journey's reason for the movement. */
export async function setStock(admin: ApiRequest, sku: string, onHand: Record<string, number>, reason: string) {
  for (const [storeId, units] of Object.entries(onHand))
    await trpcMutation(admin, urls.admin, "inventory.setOnHand", { storeId, sku, onHand: units, reason });
}

/**
 * How most cross-channel journeys start: `count` returnable products (see pickVariants for `skip`) with exactly
 * known stock, 10 in Kraków unless `stock` says otherwise per store, set by the admin before the shopper comes.
 */
export async function stockedVariants(
  admin: ApiRequest,
  request: ApiRequest,
  {
    count,
    skip,
    reason,
    stock = { krakow: 10 },
  }: { count: number; skip: number; reason: string; stock?: Record<string, number> },
): Promise<PickedVariant[]> {
  const variants = await pickVariants(request, count, skip);
  for (const variant of variants) await setStock(admin, variant.sku, stock, reason);
  return variants;
}

/** A click-and-collect order (paid by test card unless told), placed through the shop's API by an anonymous shopper. */
export async function placePickupOrderViaApi(
  request: ApiRequest,
  input: {
    storeId: string;
    lines: { sku: string; quantity: number }[];
    email: string;
    name: string;
    payment?: { method: "pay_in_store" };
  },
): Promise<{ orderNumber: string; pickupCode: string; totalMinor: number }> {
  const { cartId } = await trpcMutation<{ cartId: string }>(request, urls.web, "cart.create", {});
  for (const line of input.lines) await trpcMutation(request, urls.web, "cart.setQuantity", { cartId, ...line });
  return trpcMutation(request, urls.web, "checkout.placeOrder", {
    cartId,
    email: input.email,
    name: input.name,
    fulfillment: { type: "pickup", storeId: input.storeId },
    payment: input.payment ?? { method: "card", token: "tok_ok" },
    idempotencyKey: `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`,
  });
}

/** Staff of the pickup store pick the order, mark it ready and hand it over (all lines), through the API. */
export async function collectViaApi(staff: ApiRequest, orderNumber: string, pickupCode: string) {
  await trpcMutation(staff, urls.admin, "fulfillment.advance", { orderNumber, to: "picking" });
  await trpcMutation(staff, urls.admin, "fulfillment.advance", { orderNumber, to: "ready_for_pickup" });
  return trpcMutation<{ status: string; lines: { lineId: string; sku: string }[] }>(
    staff,
    urls.admin,
    "pickup.collect",
    { code: pickupCode },
  );
}

/** A unique shopper e-mail for one journey run. */
export const journeyEmail = (journey: string) =>
  `${journey}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`;

/**
 * Extra browser contexts opened inside a journey inherit the file's `test.use` options (a phone's
 * isMobile and pixel ratio, say); these spell the other screens out in full.
 */
export const kioskDevice1080 = { ...kioskScreen, isMobile: false, deviceScaleFactor: 1 };
export const backOfficeScreen = {
  viewport: { width: 1440, height: 900 },
  isMobile: false,
  hasTouch: false,
  deviceScaleFactor: 1,
};

/** The development seed's staff the journeys sign in as. */
export const staff = {
  admin: { email: "admin@example.com", password: "demo-admin" },
  /** Ola, an associate in Kraków. */
  ola: { email: "ola@example.com", password: "demo-staff" },
  /** Max, the Warszawa manager. */
  max: { email: "max@example.com", password: "demo-manager" },
} as const;

/** A back-office page at 1440x900 in a browser context of its own, signed in as one of the staff. */
export async function backOfficePage(browser: Browser, who: { email: string; password: string }): Promise<Page> {
  const context = await browser.newContext({ ...backOfficeScreen });
  const page = await context.newPage();
  await signInWithApi(page, urls.admin, who.email, who.password);
  return page;
}

/**
 * Waits until a server-rendered page has revealed all it streamed: Next.js streams parts of a page into
 * hidden containers and React swaps them in a moment after `load`, so until then some test ids exist twice.
 */
export async function pageSettled(page: Page) {
  await page.waitForLoadState("load");
  await page.waitForFunction(() => !document.querySelector('div[hidden][id^="S:"]'));
}
