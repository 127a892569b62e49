import {
  collectViaApi,
  expect,
  journeyEmail,
  kioskDevice,
  pageSettled,
  phone,
  placePickupOrderViaApi,
  signInWithApi,
  snap,
  staff,
  staffApi,
  stockedVariants,
  test,
  urls,
} from "../fixtures";
import { trpcMutation, trpcQuery } from "../trpc";
import { kioskPage } from "./kiosk-support";

test.use({ ...phone });

type Recommendations = { items: { slug: string; title: string }[]; personal: boolean };
type Rating = { average: number | null; count: number };

test("a member sees 'for you' on the phone, built from what they bought at a kiosk", async ({
  page: shop,
  admin,
  request,
}) => {
  test.setTimeout(90_000);
  const [bought] = await stockedVariants(admin, request, {
    count: 1,
    skip: 30,
    reason: "e2e engagement journey: known stock",
  });
  // A new member, so that the only history is this journey's.
  const email = journeyEmail("for-you");
  await trpcMutation(request, urls.web, "account.signUp", { email, password: "for-you-secret", name: "Iga Nowa" });

  // 1. At the Kraków kiosk the member buys one product, giving their e-mail (not signed in there).
  const kiosk = kioskDevice("krakow");
  const { cartId } = await trpcMutation<{ cartId: string }>(request, urls.kiosk, "cart.create", {}, kiosk);
  await trpcMutation(request, urls.kiosk, "cart.setQuantity", { cartId, sku: bought!.sku, quantity: 1 }, kiosk);
  const placed = await trpcMutation<{ orderNumber: string }>(
    request,
    urls.kiosk,
    "checkout.placeOrder",
    {
      cartId,
      email,
      name: "Iga Nowa",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "pay_in_store" },
      idempotencyKey: `e2e-for-you-${cartId}`,
    },
    kiosk,
  );

  // 2. On the phone, signed in, the account shows "for you" from that purchase: never the product itself.
  await signInWithApi(shop, urls.web, email, "for-you-secret");
  const mine = await trpcQuery<Recommendations>(shop.request, urls.web, "recommendations.list", {
    limit: 4,
    locale: "pl",
  });
  expect(mine.personal).toBe(true);
  expect(mine.items.map((i) => i.slug)).not.toContain(bought!.slug);
  const guest = await trpcQuery<Recommendations>(request, urls.web, "recommendations.list", { limit: 4, locale: "pl" });
  expect(guest.personal).toBe(false);

  await shop.goto(`${urls.web}/account`);
  await pageSettled(shop);
  const forYou = shop.getByTestId("for-you");
  await expect(forYou).toBeVisible();
  await expect(forYou.getByTestId("product-card")).toHaveCount(mine.items.length);
  await expect(forYou.getByTestId("product-card").first()).toHaveAttribute("data-slug", mine.items[0]!.slug);
  await expect(forYou.locator(`[data-slug="${bought!.slug}"]`)).toHaveCount(0);
  // The purchase that built it was the kiosk's.
  const order = await trpcQuery<{ channel: string }>(request, urls.web, "orders.get", {
    orderNumber: placed.orderNumber,
    email,
  });
  expect(order.channel).toBe("kiosk");
  await snap(shop, "engagement-for-you-phone");
});

test("a shopper rates a collected product from the order page, and the kiosk shows the new average", async ({
  page: shop,
  admin,
  browser,
  playwright,
  request,
}) => {
  test.setTimeout(90_000);
  const [product] = await stockedVariants(admin, request, {
    count: 1,
    skip: 40,
    reason: "e2e engagement journey: known stock",
  });
  const clerk = await staffApi(playwright, staff.ola.email, staff.ola.password);
  const before = (await trpcQuery<{ rating: Rating }>(request, urls.web, "catalog.product", { slug: product!.slug }))
    .rating;

  // An earlier buyer gave it two stars through the API.
  const earlierEmail = journeyEmail("rate-earlier");
  const earlier = await placePickupOrderViaApi(request, {
    storeId: "krakow",
    lines: [{ sku: product!.sku, quantity: 1 }],
    email: earlierEmail,
    name: "Marek Wcześniejszy",
  });
  await collectViaApi(clerk, earlier.orderNumber, earlier.pickupCode);
  await trpcMutation(request, urls.web, "reviews.create", {
    orderNumber: earlier.orderNumber,
    email: earlierEmail,
    slug: product!.slug,
    rating: 2,
  });

  // This shopper's order is collected in Kraków; on the phone they open the order page and give five stars.
  const email = journeyEmail("rate");
  const order = await placePickupOrderViaApi(request, {
    storeId: "krakow",
    lines: [{ sku: product!.sku, quantity: 1 }],
    email,
    name: "Ewa Oceniająca",
  });
  await collectViaApi(clerk, order.orderNumber, order.pickupCode);
  await shop.goto(`${urls.web}/orders/${order.orderNumber}?email=${encodeURIComponent(email)}`);
  await pageSettled(shop);
  const form = shop.locator(`[data-testid=review-form][data-slug="${product!.slug}"]`);
  await form.getByTestId("star-5").click();
  await form.getByTestId("review-text").fill("Świetna jakość, polecam.");
  await form.getByTestId("submit-review").click();
  await expect(shop.getByTestId("review-thanks")).toBeVisible();
  await snap(shop, "engagement-rated-phone");

  const count = before.count + 2;
  const average = Math.round((((before.average ?? 0) * before.count + 2 + 5) / count) * 10) / 10;

  // The kiosk in the store shows the new average and count on the product page.
  const kiosk = await kioskPage(browser, "krakow");
  await kiosk.goto(`${urls.kiosk}/product/${encodeURIComponent(product!.slug)}`);
  const rating = kiosk.getByTestId("product-page").getByTestId("rating").first();
  await expect(rating).toHaveAttribute("data-count", String(count));
  await expect(rating).toHaveAttribute("data-average", String(average));
  await snap(kiosk, "engagement-kiosk-average");

  // The shop's product page carries the same rating in its structured data for search engines.
  await shop.goto(`${urls.web}/p/${product!.slug}`);
  const jsonLd = JSON.parse((await shop.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(jsonLd.aggregateRating).toMatchObject({ ratingValue: average, reviewCount: count });
  await kiosk.context().close();
});
