import { expect, kioskScreen, signInWithApi, snap, test, urls } from "../fixtures";
import { trpcGet, trpcMutation, trpcQuery } from "../trpc";

test.use(kioskScreen);

test("an unpaired kiosk asks to be paired and accepts a development device token", async ({ page }) => {
  await page.goto(urls.kiosk);
  await expect(page.getByTestId("pair-screen")).toBeVisible();
  await snap(page, "kiosk-pair-screen");
  await page.getByTestId("use-dev-token").tap();

  // A wrong token is refused and nothing is stored.
  await page.getByTestId("dev-token").fill("dev-kiosk-nowhere");
  await page.getByTestId("dev-token-submit").tap();
  await expect(page.getByTestId("error-message")).toBeVisible();

  // The on-screen keyboard types the token: no physical keyboard needed.
  await page.getByTestId("osk-key-clear").tap();
  for (const char of "dev-kiosk-gdansk") await page.getByTestId(`osk-key-${char}`).tap();
  await expect(page.getByTestId("dev-token")).toHaveValue("dev-kiosk-gdansk");
  await page.getByTestId("dev-token-submit").tap();
  await expect(page.getByTestId("attract-screen")).toBeVisible();
  await expect(page.getByTestId("attract-store-name")).toContainText("Gdańsk");

  // The cookie is http-only and strict: page scripts never see the device token.
  const cookie = (await page.context().cookies(urls.kiosk)).find((c) => c.name === "omni-kiosk-device");
  expect(cookie).toMatchObject({ value: "dev-kiosk-gdansk", httpOnly: true, sameSite: "Strict" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("dev-kiosk");
});

test("a kiosk with an unknown or revoked device token is locked", async ({ page, context }) => {
  await context.addCookies([
    {
      name: "omni-kiosk-device",
      value: "dev-kiosk-revoked-long-ago",
      url: urls.kiosk,
      httpOnly: true,
      sameSite: "Strict",
    },
  ]);
  await page.goto(`${urls.kiosk}/browse`);
  await expect(page.getByTestId("locked-screen")).toBeVisible();
  await expect(page.getByTestId("locked-screen")).toContainText(/zablokowany|locked/i);
  await snap(page, "kiosk-locked");
  // Its calls to the router are refused as well.
  const response = await trpcGet(page.request, urls.kiosk, "kiosk.me");
  expect(response.status()).toBe(401);
});

test("a manager's pairing code pairs the kiosk, and revoking it locks the kiosk even while nobody touches it", async ({
  page,
  browser,
}) => {
  const office = await browser.newContext();
  const manager = await office.newPage();
  await signInWithApi(manager, urls.admin, "max@example.com", "demo-manager");
  const { code } = await trpcMutation<{ code: string }>(manager.request, urls.admin, "devices.createPairingCode", {
    storeId: "warszawa",
  });

  await page.goto(urls.kiosk);
  await expect(page.getByTestId("pair-screen")).toBeVisible();
  for (const char of code.toLowerCase()) await page.getByTestId(`osk-key-${char}`).tap();
  await page.getByTestId("pair-submit").tap();
  await expect(page.getByTestId("attract-screen")).toBeVisible();
  await expect(page.getByTestId("attract-store-name")).toContainText("Warszawa");
  await page.getByTestId("attract-screen").tap();
  await expect(page.getByTestId("kiosk-shell")).toBeVisible();

  type Device = { id: string; storeId: string; createdAt: string; revokedAt: string | null };
  const devices = await trpcQuery<Device[]>(manager.request, urls.admin, "devices.list", { storeId: "warszawa" });
  const newest = devices.filter((d) => !d.revokedAt).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
  await trpcMutation(manager.request, urls.admin, "devices.revoke", { deviceId: newest.id });
  await office.close();

  // No touch: the kiosk's own polling notices within its 15-second interval.
  await expect(page.getByTestId("locked-screen")).toBeVisible({ timeout: 30_000 });
  await snap(page, "kiosk-revoked-locked");
});
