import { expect, kioskScreen, snap, test, urls } from "../fixtures";
import { kioskQuery, pairKiosk, tapKeys } from "./kiosk-support";

test.use(kioskScreen);

type Availability = {
  sku: string;
  online: number;
  locations: { storeId: string; available: number; aisle: string | null }[];
};

test("a shopper searches by touch, picks a size and sees the stock of this store and the others", async ({
  page,
  context,
}) => {
  await pairKiosk(context, "krakow");
  await page.goto(urls.kiosk);
  await expect(page.getByTestId("attract-screen")).toBeVisible();
  await snap(page, "kiosk-attract");
  await page.getByTestId("attract-screen").tap();

  await page.getByTestId("kiosk-search").tap();
  await expect(page.getByTestId("on-screen-keyboard")).toBeVisible();
  await tapKeys(page, "crewneck");
  await expect(page.getByTestId("kiosk-search")).toHaveValue("crewneck");
  await page.getByTestId("osk-key-enter").tap();
  const cards = page.getByTestId("product-card");
  await expect(cards.first()).toBeVisible();
  await snap(page, "kiosk-search-results");
  await cards.first().tap();

  await expect(page.getByTestId("product-page")).toBeVisible();
  const picker = page.getByTestId("variant-picker");
  const sizes = page.locator('[data-testid^="option-size-"]');
  await expect(sizes.first()).toBeVisible();
  const firstSku = await picker.getAttribute("data-sku");
  // Pick a size other than the one shown first.
  await sizes.nth(1).tap();
  await expect(sizes.nth(1)).toHaveAttribute("aria-pressed", "true");
  await expect(picker).not.toHaveAttribute("data-sku", firstSku!);
  const sku = (await picker.getAttribute("data-sku"))!;

  const truth = await kioskQuery<Availability>(page, "inventory.availability", { sku });
  const here = truth.locations.find((l) => l.storeId === "krakow")!;
  const inThisStore = page.getByTestId("in-this-store");
  await expect(inThisStore).toHaveAttribute("data-available", String(here.available));
  if (here.available > 0) {
    await expect(inThisStore).toContainText(here.aisle ?? String(here.available));
    await expect(inThisStore).toContainText(String(here.available));
  } else {
    await expect(page.getByTestId("endless-aisle")).toBeVisible();
  }
  const rows = page.getByTestId("store-availability-row");
  await expect(rows).toHaveCount(truth.locations.length - 1);
  for (const other of truth.locations.filter((l) => l.storeId !== "krakow")) {
    await expect(
      page.locator(`[data-testid="store-availability-row"][data-store-id="${other.storeId}"]`),
    ).toHaveAttribute("data-available", String(other.available));
  }
  await expect(page.getByTestId("home-delivery-panel")).toHaveAttribute("data-available", String(truth.online));
  const qr = page.getByTestId("continue-on-phone-qr");
  await expect(qr).toHaveAttribute("data-url", new RegExp(`/p/[^?]+\\?sku=${encodeURIComponent(sku)}$`));
  await snap(page, "kiosk-product");
});
