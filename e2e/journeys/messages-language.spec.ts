import type { Page } from "@playwright/test";

import {
  backOfficePage,
  expect,
  journeyEmail,
  pageSettled,
  phone,
  signInWithApi,
  snap,
  staff,
  stockedVariants,
  test,
  urls,
} from "../fixtures";
import { trpcMutation } from "../trpc";
import { addToCart, chooseStorePickup, findStockedVariant, openProductPage, payByTestCard } from "./web-helpers";

test.use({ ...phone });

/** Admin's outbox filtered to one address's double opt-in e-mail, written in Polish: the link in it. */
async function confirmationLink(clerk: Page, email: string): Promise<string> {
  await clerk.goto(`${urls.admin}/notifications`);
  await clerk.getByTestId("notifications-email").fill(email);
  await clerk.getByTestId("notifications-template").selectOption("marketing_confirm");
  await clerk.getByTestId("notifications-filter").click();
  const rows = clerk.getByTestId("notification-row");
  await expect(rows).toHaveCount(1);
  await rows.first().click();
  const confirmation = clerk.locator("td").filter({ hasText: "/newsletter/confirm?token=" }).first();
  await expect(confirmation).toContainText("Aby się zgodzić");
  return (await confirmation.innerText()).match(/\/newsletter\/confirm\?token=[^\s]+/)![0];
}

test("a guest ordering in Polish gets the confirmation in Polish with recommendations, and admin finds it by kind", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(120_000);
  const { product, variant, storeId } = await findStockedVariant(request);
  await page.context().addCookies([{ name: "omni-store", value: storeId, url: urls.web }]);
  await openProductPage(page, { slug: product.slug, sku: variant.sku });
  await addToCart(page);
  await page.goto(`${urls.web}/checkout`);

  // The contact step: the address reaches the cart as the guest leaves the field, with their marketing answer.
  const email = `messages-${Date.now()}@example.com`;
  await page.getByTestId("checkout-name").fill("Ola Nowak");
  await page.getByTestId("checkout-email").fill(email);
  const saved = page.waitForResponse((r) => r.url().includes("cart.setContact") && r.ok());
  await page.getByTestId("checkout-marketing").check();
  await saved;
  await chooseStorePickup(page, storeId);
  const { orderNumber: number } = await payByTestCard(page);

  // Admin: the outbox filtered by kind of message shows the Polish confirmation, recommendations included.
  const clerk = await backOfficePage(browser, staff.admin);
  await clerk.goto(`${urls.admin}/notifications`);
  await clerk.getByTestId("notifications-email").fill(email);
  await clerk.getByTestId("notifications-template").selectOption("order_placed");
  await clerk.getByTestId("notifications-filter").click();
  const rows = clerk.getByTestId("notification-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-template", "order_placed");
  await expect(rows.first()).toContainText(`Zamówienie ${number} przyjęte`);
  await rows.first().click();
  await expect(clerk.locator("td").filter({ hasText: "Może Ci się spodobać" }).first()).toBeVisible();
  await snap(clerk, "messages-admin-outbox-by-kind");

  // The guest makes an account with that address: until the link is followed, the account says that the
  // "yes" waits for it, and the e-mail box is not ticked.
  await trpcMutation(request, urls.web, "account.signUp", { email, password: "messages-secret", name: "Ola Nowak" });
  await signInWithApi(page, urls.web, email, "messages-secret");
  await page.goto(`${urls.web}/account`);
  await pageSettled(page);
  const consents = page.getByTestId("consents");
  await expect(consents.getByTestId("consent-awaiting")).toHaveText(
    "Wysłaliśmy Ci link: nowości e-mailem zaczniemy wysyłać po jego potwierdzeniu.",
  );
  await expect(consents.getByTestId("consent-email")).not.toBeChecked();
  // Its box keeps the size of the SMS one though the words beside it wrap.
  const width = async (id: string) => (await consents.getByTestId(id).boundingBox())!.width;
  expect(await width("consent-email")).toBe(await width("consent-sms"));
  await consents.scrollIntoViewIfNeeded();
  await snap(page, "messages-account-consent-awaiting");

  // Double opt-in: the marketing tick sent a confirmation in Polish, and its link's page confirms with one press.
  const link = await confirmationLink(clerk, email);
  await page.goto(`${urls.web}${link}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Potwierdź zgodę na nowości e-mailem");
  await page.getByTestId("newsletter-confirm").click();
  await expect(page.getByTestId("done")).toContainText(email);
  await snap(page, "messages-newsletter-confirmed");
  // The account now shows the consent given, and no longer a line waiting for the link.
  await page.goto(`${urls.web}/account`);
  await expect(consents.getByTestId("consent-email")).toBeChecked();
  await expect(consents).toContainText("Zgoda udzielona");
  await expect(consents.getByTestId("consent-awaiting")).toHaveCount(0);

  // A mangled "unsubscribe" link says so in Polish and withdraws nothing.
  await page.goto(`${urls.web}/newsletter/unsubscribe?email=${encodeURIComponent(email)}&token=mangled`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wypisz się z nowości");
  await expect(page.getByText(email)).toBeVisible();
  await page.getByTestId("unsubscribe-submit").click();
  await expect(page.getByTestId("error-message")).toContainText("Ten link jest niepełny");
  await snap(page, "messages-unsubscribe-mangled");

  // Admin: every template previewed in both languages, none of them English on the Polish side.
  await clerk.goto(`${urls.admin}/notifications/templates`);
  const previews = clerk.getByTestId("template-preview");
  await expect(previews.first()).toBeVisible();
  expect(await previews.count()).toBeGreaterThanOrEqual(23);
  for (const text of await clerk.getByTestId("template-pl").allInnerTexts())
    expect(text).not.toMatch(/\b(Hello|Thank you|your order|Your order|We will|Please)\b/);
  await expect(clerk.getByTestId("template-en").first()).toContainText(/Thank you|Order/);
  await snap(clerk, "messages-admin-templates");
  await clerk.context().close();
});

test("a walk-in at the Kraków counter says yes to offers: it waits for the link e-mailed in Polish", async ({
  page,
  browser,
  admin,
  request,
}) => {
  test.setTimeout(120_000);
  const [picked] = await stockedVariants(admin, request, {
    count: 1,
    skip: 60,
    reason: "e2e counter offers journey: known stock",
  });
  const clerk = await backOfficePage(browser, staff.ola);
  await clerk.goto(`${urls.admin}/counter`);
  await clerk.getByTestId("counter-sku").fill(picked!.sku);
  await clerk.getByTestId("counter-sku").press("Enter");
  await expect(clerk.locator(`[data-testid=counter-line][data-sku="${picked!.sku}"]`)).toBeVisible({ timeout: 30_000 });

  // The goods leave now; the shopper says yes to offers, and the till asks for their address before it sells.
  const email = journeyEmail("counter-offers");
  await clerk.getByTestId("counter-pay-card").click();
  await clerk.getByTestId("counter-offers-check").check();
  await expect(clerk.getByTestId("counter-sell")).toBeDisabled();
  await clerk.getByTestId("counter-offers-email").fill(email);
  await expect(clerk.getByTestId("counter-offers")).toContainText(
    "oferty zaczną przychodzić, gdy klient go potwierdzi",
  );
  await expect(clerk.getByTestId("counter-sell")).toBeEnabled();
  await snap(clerk, "counter-offers-before");
  await clerk.getByTestId("counter-sell").click();
  await expect(clerk.getByTestId("counter-sold")).toBeVisible({ timeout: 30_000 });

  // The "yes" waits for its owner: admin's outbox holds the link, in Polish; following it makes the "yes" count.
  const reader = await backOfficePage(browser, staff.admin);
  const link = await confirmationLink(reader, email);
  await page.goto(`${urls.web}${link}`);
  await page.getByTestId("newsletter-confirm").click();
  await expect(page.getByTestId("done")).toContainText(email);
  await clerk.context().close();
  await reader.context().close();
});
