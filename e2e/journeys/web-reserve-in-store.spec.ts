import { expect, journeyEmail, phone, snap, test, urls } from "../fixtures";
import { findStockedVariant } from "./web-helpers";

test.use({ ...phone });

test("a phone shopper reserves a size in a store from the product page and reads its reviews further down", async ({
  page,
  request,
}) => {
  const { product, variant, storeId } = await findStockedVariant(request);
  await page.context().addCookies([{ name: "omni-store", value: storeId, url: urls.web }]);
  await page.goto(`${urls.web}/p/${product.slug}?sku=${encodeURIComponent(variant.sku)}`);

  // The panel's code loads when it is first opened: the button works as soon as the page shows it.
  const toggle = page.getByTestId("reserve-toggle");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const form = page.getByTestId("reserve-form");
  await expect(form).toBeVisible();
  await expect(page.getByTestId("reserve-store")).toHaveValue(storeId);
  await page.getByTestId("reserve-name").fill("Rita Rezerwująca");
  await page.getByTestId("reserve-email").fill(journeyEmail("web-reserve"));
  // Closing and opening again keeps what was typed.
  await toggle.click();
  await expect(form).toBeHidden();
  await toggle.click();
  await expect(page.getByTestId("reserve-name")).toHaveValue("Rita Rezerwująca");
  await snap(page, "web-reserve-form");
  await page.getByTestId("reserve-submit").click();
  await expect(page.getByTestId("reservation-confirmation")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("reservation-code")).toBeVisible();
  await snap(page, "web-reserve-confirmed");

  // The reviews load when their section comes near the screen: a list, or the words for none.
  const reviews = page.getByTestId("reviews");
  await reviews.scrollIntoViewIfNeeded();
  await expect(reviews.getByTestId("review").first().or(reviews.getByText("Brak opinii."))).toBeVisible();
  await snap(page, "web-product-reviews");
});
