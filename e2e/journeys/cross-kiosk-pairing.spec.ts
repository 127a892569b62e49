import { expect, kioskDevice1080, signInWithApi, snap, test, urls } from "../fixtures";
import { trpcGet, trpcQuery } from "../trpc";

test.use({ viewport: { width: 1440, height: 900 } });

test("a manager pairs a fresh kiosk with a code from the back office, it works, and once revoked it locks itself", async ({
  page: manager,
  browser,
}) => {
  test.setTimeout(90_000);
  // The Warszawa manager asks the back office for a one-time pairing code.
  await signInWithApi(manager, urls.admin, "max@example.com", "demo-manager");
  await manager.goto(`${urls.admin}/devices`);
  await expect(manager.getByTestId("store-switcher")).toHaveValue("warszawa");
  await manager.getByTestId("create-pairing-code").click();
  const codeShown = manager.getByTestId("pairing-code");
  await expect(codeShown).toBeVisible();
  const code = (await codeShown.textContent())!.trim();
  expect(code.length).toBeGreaterThanOrEqual(6);
  await snap(manager, "cross-pairing-admin-code");

  // A brand-new kiosk (nothing stored) asks to be paired and takes the code.
  const kioskContext = await browser.newContext({ ...kioskDevice1080 });
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(urls.kiosk);
  await expect(kiosk.getByTestId("pair-screen")).toBeVisible();
  await kiosk.getByTestId("pair-code").fill(code);
  await kiosk.getByTestId("pair-submit").tap();
  await expect(kiosk.getByTestId("attract-screen")).toBeVisible();
  await expect(kiosk.getByTestId("attract-store-name")).toContainText("Warszawa");
  const cookie = (await kioskContext.cookies(urls.kiosk)).find((c) => c.name === "omni-kiosk-device");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.value).not.toMatch(/^dev-kiosk-/);
  const me = await trpcQuery<{ deviceId: string; storeId: string }>(kiosk.request, urls.kiosk, "kiosk.me", undefined);
  expect(me.storeId).toBe("warszawa");

  // It is used: a touch search finds products.
  await kiosk.getByTestId("attract-screen").tap();
  await kiosk.getByTestId("kiosk-search").tap();
  await expect(kiosk.getByTestId("on-screen-keyboard")).toBeVisible();
  for (const char of "crewneck") await kiosk.getByTestId(`osk-key-${char}`).tap();
  await kiosk.getByTestId("osk-key-enter").tap();
  await expect(kiosk.getByTestId("product-card").first()).toBeVisible();
  await snap(kiosk, "cross-pairing-kiosk-search");

  // The manager sees the new kiosk in the list and revokes it.
  await manager.reload();
  const row = manager.locator(`[data-testid=device-row][data-device-id="${me.deviceId}"]`);
  await expect(row).toHaveAttribute("data-revoked", "false");
  await row.getByTestId("revoke-device").click();
  await row.getByTestId("revoke-device-confirm").click();
  await expect(row).toHaveAttribute("data-revoked", "true");
  await snap(manager, "cross-pairing-admin-revoked");

  // Untouched, the kiosk notices within its 15 s check and locks itself; its calls are refused.
  await expect(kiosk.getByTestId("locked-screen")).toBeVisible({ timeout: 25_000 });
  await expect(kiosk.getByTestId("locked-screen")).toContainText(/zablokowany|locked/i);
  await snap(kiosk, "cross-pairing-kiosk-locked");
  const refused = await trpcGet(kiosk.request, urls.kiosk, "kiosk.me");
  expect(refused.status()).toBe(401);
  // A reload keeps it locked.
  await kiosk.goto(`${urls.kiosk}/browse`);
  await expect(kiosk.getByTestId("locked-screen")).toBeVisible();
  await kioskContext.close();
});
