import {
  backOfficeScreen,
  expect,
  journeyEmail,
  pageSettled,
  phone,
  signInWithApi,
  snap,
  test,
  urls,
} from "../fixtures";
import { trpcMutation } from "../trpc";

test.use({ ...phone });

test("a member asks for SMS offers: nothing counts until they type the code texted to their phone", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const email = journeyEmail("sms-consent");
  const number = `+48600${String(Date.now()).slice(-6)}`;
  await trpcMutation(request, urls.web, "account.signUp", {
    email,
    password: "sms-consent-secret",
    name: "Ewa Telefon",
    locale: "pl",
  });
  await signInWithApi(page, urls.web, email, "sms-consent-secret");
  await page.goto(`${urls.web}/account`);
  await pageSettled(page);
  const consents = page.getByTestId("consents");

  // Ticking SMS asks for the number first; sending it texts a code and the box waits for it.
  await consents.getByTestId("consent-sms").check();
  await consents.getByTestId("consent-sms-phone").fill(number.replace(/(\d{3})(\d{3})(\d{3})$/, " $1 $2 $3"));
  await consents.getByTestId("consent-sms-send").click();
  await expect(consents.getByTestId("consent-sms-awaiting")).toContainText(`Czekamy na kod`);
  await expect(consents.getByTestId("consent-sms-awaiting")).toContainText(number);
  await expect(consents).not.toContainText("Zgoda udzielona");
  await consents.scrollIntoViewIfNeeded();
  await snap(page, "sms-consent-waiting");

  // The code, read where staff see every message: the outbox's SMS to that number, written in Polish.
  const admin = await browser.newContext({ ...backOfficeScreen });
  const clerk = await admin.newPage();
  await signInWithApi(clerk, urls.admin, "admin@example.com", "demo-admin");
  await clerk.goto(`${urls.admin}/notifications`);
  await clerk.getByTestId("notifications-email").fill(email);
  await clerk.getByTestId("notifications-template").selectOption("marketing_confirm_sms");
  await clerk.getByTestId("notifications-filter").click();
  const rows = clerk.getByTestId("notification-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(number);
  await rows.first().click();
  const body = clerk.locator("td").filter({ hasText: "Twoj kod zgody na oferty SMS" }).first();
  const code = (await body.innerText()).match(/\b(\d{6})\b/)![1]!;
  await snap(clerk, "sms-consent-admin-outbox");
  await admin.close();

  // A wrong code is refused in Polish with the tries left, and nothing is confirmed.
  await consents.getByTestId("consent-sms-code").fill(code === "000000" ? "111111" : "000000");
  await consents.getByTestId("consent-sms-confirm").click();
  await expect(consents.getByTestId("error-message")).toContainText("To nie jest kod, który wysłaliśmy");
  await expect(consents.getByTestId("error-message")).toContainText("Pozostałe próby: 4");
  await expect(consents.getByTestId("consent-sms-awaiting")).toBeVisible();
  await expect(consents.getByTestId("consent-sms")).toBeChecked();
  await expect(consents).not.toContainText("Zgoda udzielona");
  await snap(page, "sms-consent-wrong-code");

  // Typing the right one confirms the grant: the box is ticked with the time it was given, nothing waits any more.
  await consents.getByTestId("consent-sms-code").fill(code);
  await consents.getByTestId("consent-sms-confirm").click();
  await expect(consents.getByTestId("consent-sms-awaiting")).toHaveCount(0);
  await expect(consents.getByTestId("consent-sms")).toBeChecked();
  await expect(consents).toContainText("Zgoda udzielona");
  await snap(page, "sms-consent-confirmed");

  // It stays so after a reload (the server, not the screen, holds it).
  await page.reload();
  await pageSettled(page);
  await expect(consents.getByTestId("consent-sms")).toBeChecked();
  await expect(consents.getByTestId("consent-sms-awaiting")).toHaveCount(0);
});
