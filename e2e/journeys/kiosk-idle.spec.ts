import { expect, kioskScreen, signInWithApi, snap, test, urls } from "../fixtures";
import { pairKiosk } from "./kiosk-support";

test.use(kioskScreen);

test("an untouched kiosk asks whether the shopper is still there, then forgets everything", async ({
  page,
  context,
}) => {
  await pairKiosk(context, "krakow");
  await signInWithApi(page, urls.kiosk, "ada@example.com", "demo-shopper");
  await page.goto(`${urls.kiosk}/browse`);
  const shell = page.getByTestId("kiosk-shell");
  await expect(shell).toBeVisible();
  // The idle timeouts come from OMNI_KIOSK_IDLE_MS / OMNI_KIOSK_WARN_MS; allow for the defaults too.
  const idleMs = Number(await shell.getAttribute("data-idle-ms"));
  const warnMs = Number(await shell.getAttribute("data-warn-ms"));
  test.setTimeout(2 * (idleMs + warnMs) + 60_000);

  // A shopper signed in, switched to English and put something in the cart.
  await expect(page.getByTestId("nav-account")).toContainText("Ada");
  await page.getByTestId("lang-en").tap();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByTestId("category-t-shirts").tap();
  await page.getByTestId("product-card").first().tap();
  // No size is chosen for the shopper: pick one.
  await page.locator('[data-testid^="option-size-"]').first().tap();
  await page.getByTestId("add-to-cart").tap();
  await expect(page.getByTestId("added-to-cart")).toBeVisible();
  // Signed in, this is Ada's account cart: it may hold what she added elsewhere.
  const cartCount = page.getByTestId("cart-count");
  await expect(cartCount).toHaveText(/^\d+$/);
  const inCart = (await cartCount.textContent())!;

  // Untouched: "Still there?" with a countdown; a touch keeps everything.
  const stillThere = page.getByTestId("still-there");
  await expect(stillThere).toBeVisible({ timeout: idleMs + 5_000 });
  await expect(page.getByTestId("still-there-countdown")).toBeVisible();
  await snap(page, "kiosk-still-there");
  await page.getByTestId("still-here").tap();
  await expect(stillThere).toBeHidden();
  await expect(cartCount).toHaveText(inCart);

  // Untouched again: the countdown runs out and the kiosk starts over.
  await expect(stillThere).toBeVisible({ timeout: idleMs + 5_000 });
  await expect(page.getByTestId("attract-screen")).toBeVisible({ timeout: warnMs + 10_000 });
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await snap(page, "kiosk-after-idle-reset");
  await page.getByTestId("attract-screen").tap();
  await expect(page.getByTestId("nav-account")).not.toContainText("Ada");
  await expect(page.getByTestId("cart-count")).toHaveCount(0);
  const session = await page.request.get(`${urls.kiosk}/api/auth/session`);
  expect(await session.json()).toBeNull();
});
