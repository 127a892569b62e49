import {
  backOfficeScreen,
  expect,
  journeyEmail,
  kioskDevice1080,
  pickVariants,
  placePickupOrderViaApi,
  signInWithApi,
  snap,
  staffApi,
  test,
  urls,
} from "../fixtures";
import { trpcMutation } from "../trpc";
import { pairKiosk } from "./kiosk-support";

test.use(kioskDevice1080);

test("a shopper whose order is not ready calls staff from the kiosk; the clerk sees it first on the board and answers", async ({
  page: kiosk,
  context,
  browser,
  request,
  playwright,
}) => {
  const [variant] = await pickVariants(request, 1, 30);
  const admin = await staffApi(playwright, "admin@example.com", "demo-admin");
  await trpcMutation(admin, urls.admin, "inventory.setOnHand", {
    storeId: "krakow",
    sku: variant!.sku,
    onHand: 5,
    reason: "Help journey",
  });
  const order = await placePickupOrderViaApi(request, {
    storeId: "krakow",
    lines: [{ sku: variant!.sku, quantity: 1 }],
    email: journeyEmail("help"),
    name: "Help Shopper",
  });

  // At the Kraków kiosk the order is not ready yet: the shopper may call someone instead of leaving.
  await pairKiosk(context, "krakow");
  await kiosk.goto(`${urls.kiosk}/collect`);
  await kiosk.getByTestId("checkin-code").fill(order.pickupCode);
  await kiosk.getByTestId("checkin-submit").tap();
  await expect(kiosk.getByTestId("checkin-error")).toBeVisible();
  await kiosk.getByTestId("ask-for-help").tap();
  await expect(kiosk.getByTestId("help-confirmation")).toBeVisible();
  await expect(kiosk.getByTestId("help-order-number")).toHaveText(order.orderNumber);
  await snap(kiosk, "kiosk-help-called");

  // The Kraków clerk's board shows the request above every other order, until someone answers it.
  const office = await browser.newContext(backOfficeScreen);
  const clerk = await office.newPage();
  await signInWithApi(clerk, urls.admin, "ola@example.com", "demo-staff");
  await clerk.goto(`${urls.admin}/pickup`);
  const card = clerk.getByTestId(`queue-order-${order.orderNumber}`);
  await expect(card).toHaveAttribute("data-help", "true");
  await expect(clerk.getByTestId("queue-column-placed").locator("article").first()).toHaveAttribute(
    "data-testid",
    `queue-order-${order.orderNumber}`,
  );
  await snap(clerk, "admin-pickup-help-requested");
  await card.getByTestId("answer-help").click();
  await expect(card).toHaveAttribute("data-help", "false");
  await expect(card.getByTestId("help-requested")).toHaveCount(0);
  await office.close();
});
