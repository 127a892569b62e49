import { expect, kioskScreen, phone, signInWithApi, snap, test, urls } from "../fixtures";
import { trpcMutation } from "../trpc";
import { chooseVariant, pairKiosk, variantInStock } from "./kiosk-support";

test.use(kioskScreen);

test("a shopper signs in at the kiosk with the code from the shop's account page", async ({
  page,
  context,
  browser,
}) => {
  // On the phone: signed in to the shop, the account page shows a one-time QR code.
  const phoneContext = await browser.newContext(phone);
  const phonePage = await phoneContext.newPage();
  await signInWithApi(phonePage, urls.web, "ada@example.com", "demo-shopper");
  const { token } = await trpcMutation<{ token: string }>(
    phonePage.request,
    urls.web,
    "account.kioskSignInToken",
    undefined,
  );
  await phoneContext.close();

  await pairKiosk(context, "krakow");
  // Something picked as a guest comes along into the shopper's account cart.
  const variant = await variantInStock(page, "krakow", 1);
  await chooseVariant(page, variant);
  await page.getByTestId("add-to-cart").tap();
  await expect(page.getByTestId("cart-count")).toBeVisible();
  await page.getByTestId("nav-account").tap();
  await expect(page.getByTestId("signin-with-qr")).toHaveAttribute("aria-pressed", "true");
  // No camera in the test browser: the typed fallback takes the same code, case preserved.
  await page.getByTestId("signin-qr-input").fill(token);
  await page.getByTestId("signin-qr-submit").tap();
  await expect(page.getByTestId("nav-account")).toContainText("Ada");
  await page.getByTestId("nav-cart").tap();
  await expect(page.locator(`[data-testid="cart-line"][data-sku="${variant.sku}"]`)).toBeVisible();

  // The code is single-use; signing out leaves no cart behind on the screen.
  await page.getByTestId("nav-account").tap();
  await page.getByTestId("sign-out").tap();
  await expect(page.getByTestId("nav-account")).not.toContainText("Ada");
  await expect(page.getByTestId("cart-count")).toHaveCount(0);
  await page.getByTestId("nav-account").tap();
  await page.getByTestId("signin-qr-input").fill(token);
  await page.getByTestId("signin-qr-submit").tap();
  await expect(page.getByTestId("signin-error")).toBeVisible();
  await snap(page, "kiosk-sign-in-error");

  // E-mail and password work too, typed on the on-screen keyboard.
  await page.getByTestId("signin-with-password").tap();
  await page.getByTestId("signin-email").fill("ada@example.com");
  await page.getByTestId("signin-password").tap();
  for (const char of "demo-shopper") await page.getByTestId(`osk-key-${char}`).tap();
  await page.getByTestId("signin-submit").tap();
  await expect(page.getByTestId("nav-account")).toContainText("Ada");
});
