import { expect, journeyEmail, phone, pickVariants, snap, staffApi, test, urls } from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";

test.use({ ...phone });

type Notifications = { template: string; subject: string }[];

test("a shopper asks on the phone to hear when a size is back online, and gets one e-mail in Polish when it is", async ({
  page,
  playwright,
  request,
}) => {
  test.setTimeout(90_000);
  const admin = await staffApi(playwright, "admin@example.com", "demo-admin");
  const [wanted] = await pickVariants(request, 1, 70);
  const setOnline = (onHand: number, reason: string) =>
    trpcMutation(admin, urls.admin, "inventory.setOnHand", { storeId: "online", sku: wanted!.sku, onHand, reason });
  await setOnline(0, "e2e back in stock: sold out online");

  await page.goto(`${urls.web}/p/${wanted!.slug}`);
  const panel = page.getByTestId("back-in-stock");
  await panel.locator("summary").click();
  await panel.locator("#alert-variant").selectOption(wanted!.sku);
  await panel.locator("#alert-where").selectOption("online");
  const email = journeyEmail("back-in-stock");
  await panel.locator("#alert-email").fill(email);
  await panel.locator("button[type=submit]").click();
  await expect(page.getByTestId("back-in-stock-saved")).toBeVisible();
  await snap(page, "web-back-in-stock-saved");

  // Nothing goes while the size is still missing; a delivery online sends one message, in the shop's language.
  const sent = async () =>
    trpcQuery<Notifications>(admin, urls.admin, "notifications.list", { email, template: "back_in_stock" });
  expect(await sent()).toEqual([]);
  await setOnline(5, "e2e back in stock: delivery");
  await expect.poll(async () => (await sent()).length, { timeout: 30_000 }).toBe(1);
  expect((await sent())[0]!.subject).toMatch(/jest znowu dostępny$/);
});
