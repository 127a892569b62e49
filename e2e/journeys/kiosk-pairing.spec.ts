import { expect, kioskScreen, snap, test, urls } from "../fixtures";

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
  await context.addCookies([{ name: "omni-kiosk-device", value: "dev-kiosk-revoked-long-ago", url: urls.kiosk, httpOnly: true, sameSite: "Strict" }]);
  await page.goto(`${urls.kiosk}/browse`);
  await expect(page.getByTestId("locked-screen")).toBeVisible();
  await expect(page.getByTestId("locked-screen")).toContainText(/zablokowany|locked/i);
  await snap(page, "kiosk-locked");
  // Its calls to the router are refused as well.
  const response = await page.request.get(`${urls.kiosk}/api/trpc/kiosk.me`);
  expect(response.status()).toBe(401);
});
