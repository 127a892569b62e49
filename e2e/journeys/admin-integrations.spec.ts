import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";

import { Webhook } from "standardwebhooks";

import { expect, signInWithApi, snap, test, urls } from "../fixtures";

test.use({ viewport: { width: 1440, height: 900 } });

test("an admin connects another program: API key, webhook with its delivery log, and the API reference", async ({
  page,
  request,
}) => {
  // A receiver on this machine (allowed in the demo) that records what it is sent.
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = 204;
      res.end();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/omni`;

  try {
    await signInWithApi(page, urls.admin, "admin@example.com", "demo-admin");
    await page.goto(`${urls.admin}/integrations`);
    await expect(page.getByTestId("api-keys")).toBeVisible();

    // An API key for a marketplace: catalogue, carts and orders. Shown once.
    await page.getByTestId("api-key-name").fill("Marketplace e2e");
    await page.getByTestId("api-key-scope-carts:write").check();
    await page.getByTestId("api-key-scope-orders:write").check();
    await page.getByTestId("create-api-key").click();
    const key = (await page.getByTestId("api-key-secret").textContent())!.trim();
    expect(key).toMatch(/^omni_sk_/);
    await expect(page.getByTestId("api-key-row").filter({ hasText: "Marketplace e2e" })).toBeVisible();

    // A webhook for order.placed; its secret is shown once.
    await page.getByTestId("webhook-url").fill(hookUrl);
    await page.getByTestId("create-webhook").click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await snap(page, "admin-integrations");

    // The program places an order over REST with its key, as in the README's curl session.
    const auth = { authorization: `Bearer ${key}` };
    const products = (await (await request.get(`${urls.web}/api/v1/products?limit=20`, { headers: auth })).json()) as {
      items: { slug: string; inStock: boolean }[];
    };
    const inStock = products.items.find((item) => item.inStock)!;
    const product = await (await request.get(`${urls.web}/api/v1/products/${inStock.slug}`, { headers: auth })).json();
    let sku = "";
    for (const variant of product.variants as { sku: string }[]) {
      const stock = await (
        await request.get(`${urls.web}/api/v1/availability/${encodeURIComponent(variant.sku)}?storeIds=krakow`, {
          headers: auth,
        })
      ).json();
      if (stock.locations[0]?.available > 0) {
        sku = variant.sku;
        break;
      }
    }
    expect(sku, "a variant in stock in Kraków").not.toBe("");
    const { cartId } = await (await request.post(`${urls.web}/api/v1/carts`, { headers: auth, data: {} })).json();
    const cart = await request.put(`${urls.web}/api/v1/carts/${cartId}/lines/${encodeURIComponent(sku)}`, {
      headers: auth,
      data: { quantity: 1 },
    });
    expect(cart.status()).toBe(200);
    const placed = await request.post(`${urls.web}/api/v1/orders`, {
      headers: auth,
      data: {
        cartId,
        email: "marketplace@example.com",
        name: "Marketplace buyer",
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "card", token: "tok_ok" },
        idempotencyKey: `e2e-marketplace-${Date.now()}`,
      },
    });
    expect(placed.status()).toBe(200);
    const order = await placed.json();

    // The worker delivers the signed event; the receiver verifies it with the reference library.
    await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const event = new Webhook(secret).verify(received[0]!.body, received[0]!.headers as Record<string, string>);
    expect(event).toMatchObject({ type: "order.placed", data: { orderNumber: order.orderNumber } });

    // The delivery log shows it, and "send again" repeats the same message.
    await page.getByTestId("webhook-log-link").first().click();
    const row = page.getByTestId("delivery-row").first();
    await expect(row).toHaveAttribute("data-status", "succeeded", { timeout: 15_000 });
    await row.getByTestId("send-again").click();
    await expect.poll(() => received.length, { timeout: 30_000 }).toBe(2);
    expect(received[1]!.headers["webhook-id"]).toBe(received[0]!.headers["webhook-id"]);

    // The API reference renders from the app's own OpenAPI document, within the content security policy.
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) errors.push(message.text());
    });
    await page.goto(`${urls.admin}/integrations/api-reference`);
    await expect(page.getByTestId("api-reference").getByText("Stores and warehouses").first()).toBeVisible({
      timeout: 30_000,
    });
    await snap(page, "admin-api-reference");
    expect(errors).toEqual([]);
  } finally {
    server.close();
  }
});
