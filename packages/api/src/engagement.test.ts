import { sql } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";

import { createTestDatabase } from "@omni/db/testing";
import { cartReminders } from "@omni/domain/carts";
import { notifyBackInStock, refreshProductPairs, sendReviewRequests } from "@omni/domain/engagement";
import { deliverOutbox, devSmsProvider, renderEmail, setSmsProvider, smsapiProvider } from "@omni/domain/messages";
import { reservationReminders } from "@omni/domain/reservations";
import { sweeps } from "@omni/domain/worker";

import { cartWith, setStock, stockedSkus } from "./checkout-fixtures";
import { callerFor } from "./testing";

const t = await createTestDatabase({ max: 8 });
afterAll(() => t.close());
afterEach(() => setSmsProvider(undefined));

const LOCATIONS = ["krakow", "warszawa", "gdansk", "wroclaw", "poznan", "online"];

/** Five products of one category, each with a SKU Kraków has plenty of: the cast of the order history. */
const cast = await t.db.execute<{ slug: string; sku: string; category: string; productId: string }>(sql`
  with stocked as (
    select distinct on (p.id) p.id, p.slug, p.category_slug, sl.sku
    from products p join variants v on v.product_id = p.id join stock_levels sl on sl.sku = v.sku
    where p.active and v.active and v.price_minor > 0 and sl.location_id = 'krakow'
      and sl.on_hand - sl.held - sl.safety_stock >= 5 and p.category_slug <> 'accessories'
    order by p.id, sl.sku)
  select slug, sku, category_slug as category, id as "productId" from stocked
  where category_slug = (select category_slug from stocked group by category_slug order by count(*) desc limit 1)
  order by slug limit 5`);
const [A, B, C, D, E] = cast;
// The demo seed carries months of trade; this file's history is its own, so the seeded orders stop counting.
await t.sql`update orders set status = 'cancelled'`;

let historyNumber = 0;
/** A past order written straight into the history (no holds): the fixed history the recommendations read. */
async function pastOrder(
  skus: string[],
  options: { email?: string; channel?: "web" | "kiosk" | "store"; status?: string } = {},
) {
  historyNumber++;
  const [order] = await t.sql<{ id: string }[]>`
    insert into orders (number, channel, status, fulfillment_type, location_id, email, name, subtotal_minor,
      total_minor, payment_method)
    values (${`HIST-${historyNumber}`}, ${options.channel ?? "web"}, ${options.status ?? "collected"}, 'pickup',
      'krakow', ${options.email ?? `buyer${historyNumber}@example.com`}, 'Past Buyer', 1000, 1000, 'card')
    returning id`;
  for (const sku of skus) {
    await t.sql`insert into order_lines (order_id, sku, title, quantity, unit_price_minor)
      values (${order!.id}, ${sku}, 'x', 1, 1000)`;
  }
  await t.sql`insert into order_events (order_id, type, to_status, channel) values (${order!.id}, 'placed', 'placed', 'web')`;
  return `HIST-${historyNumber}`;
}

const slugs = (items: { slug: string }[]) => items.map((i) => i.slug);

describe("recommendations", () => {
  it("ranks what was bought together on a fixed order history, fills with the category, and skips the rest", async () => {
    // A with B three times, A with C and with D once each, C with D once; a cancelled A+E counts for nothing.
    await pastOrder([A!.sku, B!.sku]);
    await pastOrder([A!.sku, B!.sku], { channel: "kiosk" });
    await pastOrder([A!.sku, B!.sku, D!.sku], { channel: "store" });
    await pastOrder([A!.sku, C!.sku]);
    await pastOrder([C!.sku, D!.sku]);
    await pastOrder([A!.sku, E!.sku], { status: "cancelled" });
    expect(await refreshProductPairs(t.db)).toBe(10);
    // Nothing changed since: the sweep does not rebuild.
    expect(await refreshProductPairs(t.db)).toBe(0);
    // The bestsellers were counted with the pairs: every product's units of orders that count, the cancelled left out.
    const counted = await t.sql<{ product_id: string; sold: number }[]>`
      select product_id, sold from product_sales where product_id in (${A!.productId}, ${B!.productId}, ${E!.productId})`;
    const live = await t.sql<{ product_id: string; sold: number }[]>`
      select v.product_id, sum(ol.quantity - ol.declined_quantity)::int as sold
      from order_lines ol join orders o on o.id = ol.order_id join variants v on v.sku = ol.sku
      where o.status not in ('cancelled', 'expired') and v.product_id in (${A!.productId}, ${B!.productId}, ${E!.productId})
      group by v.product_id`;
    const byProduct = (rows: { product_id: string; sold: number }[]) =>
      Object.fromEntries(rows.map((r) => [r.product_id, r.sold]));
    expect(byProduct(counted)).toEqual(byProduct(live));
    // A: four orders that count; E: only the cancelled one, so it sold nothing.
    expect(byProduct(counted)[A!.productId]).toBe(4);
    expect(byProduct(counted)[E!.productId]).toBeUndefined();

    const web = await callerFor(t.db, "anonymous");
    const { items } = await web.recommendations.forProduct({ slug: A!.slug, limit: 6 });
    expect(slugs(items).slice(0, 3)).toEqual([B!.slug, ...[C!.slug, D!.slug].sort()]);
    expect(slugs(items)).not.toContain(A!.slug);
    expect(items[0]).toMatchObject({ title: expect.any(String), priceMinor: expect.any(Number), inStock: true });
    // Thin history is filled with the category (E never sold with A, but is in A's category).
    expect(slugs(items)).toContain(E!.slug);
    expect(items.every((i) => i.category === A!.category)).toBe(true);

    // B in the cart: never recommended; out of stock everywhere: never recommended.
    const cartId = await cartWith(web, [{ sku: B!.sku, quantity: 1 }]);
    const withCart = await web.recommendations.list({ slug: A!.slug, cartId, limit: 6 });
    expect(slugs(withCart.items)).not.toContain(B!.slug);
    expect(slugs(withCart.items)[0]).toBe([C!.slug, D!.slug].sort()[0]);
    const dSkus = await t.sql<{ sku: string }[]>`
      select v.sku from variants v join products p on p.id = v.product_id where p.slug = ${D!.slug}`;
    for (const { sku } of dSkus) for (const location of LOCATIONS) await setStock(t.db, location, sku, 0);
    const noD = await web.recommendations.forProduct({ slug: A!.slug, limit: 10 });
    expect(slugs(noD.items)).not.toContain(D!.slug);

    // The cart's own recommendations: bought with B, never B.
    const forCart = await web.recommendations.list({ cartId });
    expect(slugs(forCart.items)[0]).toBe(A!.slug);
    expect(slugs(forCart.items)).not.toContain(B!.slug);

    await expect(web.recommendations.forProduct({ slug: "no-such-product" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("at a kiosk, puts what its store has on the shelves first, then what it can get from elsewhere", async () => {
    await pastOrder([A!.sku, C!.sku]);
    await refreshProductPairs(t.db);
    // C is gone from Kraków's shelves but Warszawa has it: the kiosk can still sell it (endless aisle).
    const cSkus = await t.sql<{ sku: string }[]>`
      select v.sku from variants v join products p on p.id = v.product_id where p.slug = ${C!.slug}`;
    for (const { sku } of cSkus) {
      await setStock(t.db, "krakow", sku, 0);
      await setStock(t.db, "warszawa", sku, 5);
    }
    const kiosk = await callerFor(t.db, { kiosk: "krakow" }, "kiosk");
    const { items } = await kiosk.recommendations.list({ slug: A!.slug, limit: 10 });
    const c = items.find((i) => i.slug === C!.slug);
    expect(c).toMatchObject({ inStore: false, inStock: true });
    const firstElsewhere = items.findIndex((i) => !i.inStore);
    expect(items.slice(firstElsewhere).every((i) => !i.inStore)).toBe(true);
    expect(items.slice(0, firstElsewhere).length).toBeGreaterThan(0);
  });

  it("builds 'for you' from a member's orders in every channel, without what they own", async () => {
    // Ada bought C at a kiosk by giving her e-mail, not signed in.
    await pastOrder([C!.sku], { email: "ada@example.com", channel: "kiosk" });
    await refreshProductPairs(t.db);
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    const mine = await ada.recommendations.forMe({ limit: 6 });
    expect(mine.personal).toBe(true);
    expect(slugs(mine.items)).not.toContain(C!.slug);
    // Bought with C by others: A (once with C); D is out of stock everywhere from the test above.
    expect(slugs(mine.items)[0]).toBe(A!.slug);
    const guest = await callerFor(t.db, "anonymous");
    expect((await guest.recommendations.forMe({})).personal).toBe(false);
  });
});

describe("reviews", () => {
  it("takes one rating per product and order from a verified buyer, and shows the published average", async () => {
    const collected = await pastOrder([B!.sku], { email: "rater@example.com" });
    const placed = await pastOrder([B!.sku], { email: "rater@example.com", status: "placed" });
    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    const web = await callerFor(t.db, "anonymous");

    await expect(
      web.reviews.create({ orderNumber: placed, email: "rater@example.com", slug: B!.slug, rating: 5 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      web.reviews.create({ orderNumber: collected, email: "someone@example.com", slug: B!.slug, rating: 5 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      web.reviews.create({ orderNumber: collected, email: "rater@example.com", slug: A!.slug, rating: 5 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      web.reviews.create({ orderNumber: collected, email: "rater@example.com", slug: B!.slug, rating: 6 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await web.reviews.create({
      orderNumber: collected,
      email: "rater@example.com",
      slug: B!.slug,
      rating: 4,
      text: "Fits well",
    });
    await expect(
      kiosk.reviews.create({ orderNumber: collected, email: "rater@example.com", slug: B!.slug, rating: 1 }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    const second = await pastOrder([B!.sku], { email: "other@example.com" });
    await kiosk.reviews.create({ orderNumber: second, email: "other@example.com", slug: B!.slug, rating: 1 });

    expect((await kiosk.catalog.product({ slug: B!.slug })).rating).toEqual({ average: 2.5, count: 2 });
    const listed = await web.reviews.list({ slug: B!.slug });
    expect(listed.items).toEqual([
      expect.objectContaining({ rating: 1, author: "Past", channel: "kiosk" }),
      expect.objectContaining({ rating: 4, text: "Fits well", channel: "web" }),
    ]);
    const card = (await web.catalog.search({ limit: 100, category: B!.category })).items.find(
      (i) => i.slug === B!.slug,
    );
    expect(card?.rating).toEqual({ average: 2.5, count: 2 });

    // Admin hides the one-star review and answers the other; only admins moderate.
    const admin = await callerFor(t.db, { email: "admin@example.com" }, "admin");
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    const queue = await admin.reviews.queue({});
    const oneStar = queue.find((r) => r.rating === 1 && r.slug === B!.slug)!;
    await expect(ola.reviews.moderate({ id: oneStar.id, status: "hidden" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await admin.reviews.moderate({ id: oneStar.id, status: "hidden" });
    const fourStar = queue.find((r) => r.rating === 4 && r.slug === B!.slug)!;
    await admin.reviews.moderate({ id: fourStar.id, reply: "Thank you!" });
    expect((await web.catalog.product({ slug: B!.slug })).rating).toEqual({ average: 4, count: 1 });
    expect((await web.reviews.list({ slug: B!.slug })).items).toEqual([
      expect.objectContaining({ rating: 4, reply: "Thank you!" }),
    ]);
  });

  it("asks a consenting buyer once, a few days after collection, to rate the order", async () => {
    const day = 86_400_000;
    const number = await pastOrder([C!.sku], { email: "ada@example.com" });
    await t.sql`update orders set completed_at = now(), locale = 'pl' where number = ${number}`;
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    await ada.consent.set({ channel: "email", granted: false });
    expect(await sendReviewRequests(t.db, new Date(Date.now() + 4 * day))).toBe(0);
    await ada.consent.set({ channel: "email", granted: true });
    expect(await sendReviewRequests(t.db, new Date(Date.now() + 1 * day))).toBe(0);
    expect(await sendReviewRequests(t.db, new Date(Date.now() + 4 * day))).toBe(1);
    expect(await sendReviewRequests(t.db, new Date(Date.now() + 5 * day))).toBe(0);
    const [request] = await t.sql<{ subject: string; body: string }[]>`
      select subject, body from outbox where template = 'review_request' and data->>'orderNumber' = ${number}`;
    expect(request!.subject).toContain(number);
    expect(request!.body).toContain(`/orders/${number}?email=ada%40example.com#rate`);
  });
});

/** The token of the latest double opt-in e-mail to an address. */
async function consentToken(to: string) {
  const rows = await outboxOf("marketing_confirm", to);
  return String(rows.at(-1)!.data.consentToken);
}

/** Outbox rows of a template to an address. */
const outboxOf = (template: string, to: string) =>
  t.sql<{ channel: string; body: string; data: Record<string, unknown> }[]>`
    select channel, body, data from outbox where template = ${template} and "to" = ${to} order by id`;

describe("abandoned cart reminders", () => {
  const hour = 3_600_000;

  it("sends nothing without marketing consent, and stops the sequence when the cart is ordered at the kiosk", async () => {
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    await ada.consent.set({ channel: "email", granted: false });
    const cartId = await cartWith(ada, [{ sku: E!.sku, quantity: 1 }]);
    const later = (hours: number) => new Date(Date.now() + hours * hour);

    // No consent yet: idle for two hours, and still nothing.
    expect(await cartReminders.run(t.db, later(2))).toBe(0);
    await ada.consent.set({ channel: "email", granted: true });
    expect((await ada.consent.get()).find((c) => c.channel === "email")).toMatchObject({
      granted: true,
      source: "web",
    });
    // Not idle long enough for the first reminder.
    expect(await cartReminders.run(t.db, later(0.5))).toBe(0);
    expect(await cartReminders.run(t.db, later(2))).toBe(1);
    expect(await cartReminders.run(t.db, later(3))).toBe(0);
    const [first] = await outboxOf("cart_reminder", "ada@example.com");
    expect(first!.data).toMatchObject({ step: 1, qrLink: expect.stringContaining("/handoff?code=") });

    // The shopper opens the reminder's code at a kiosk and orders the cart there.
    const kiosk = await callerFor(t.db, { kiosk: "krakow" });
    const resumed = await kiosk.cart.resume({ code: String(first!.data.cartCode) });
    expect(resumed.cartId).toBe(cartId);
    await kiosk.checkout.placeOrder({
      cartId,
      email: "ada@example.com",
      name: "Ada",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "pay_in_store" },
      idempotencyKey: `kiosk-order-${cartId}`,
    });
    expect(await cartReminders.run(t.db, later(30))).toBe(0);
    expect(await outboxOf("cart_reminder", "ada@example.com")).toHaveLength(1);
  });

  it("stops when consent is withdrawn, and sends at most one sequence", async () => {
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    await ada.consent.set({ channel: "email", granted: true });
    const cartId = await cartWith(ada, [{ sku: A!.sku, quantity: 1 }]);
    const later = (hours: number) => new Date(Date.now() + hours * hour);
    expect(await cartReminders.run(t.db, later(2))).toBe(1);
    await ada.consent.set({ channel: "email", granted: false });
    expect(await cartReminders.run(t.db, later(25))).toBe(0);
    await ada.consent.set({ channel: "email", granted: true });
    expect(await cartReminders.run(t.db, later(25))).toBe(1);
    expect(await cartReminders.run(t.db, later(100))).toBe(0);
    const reminders = await t.sql`select reminders_sent from carts where id = ${cartId}`;
    expect(reminders[0]!.reminders_sent).toBe(2);
    // The history of answers is kept, with the app each was given in.
    const history = await t.sql`select granted, source from consents where email = 'ada@example.com' order by id`;
    expect(history.map((h) => h.granted).slice(-3)).toEqual([true, false, true]);
    expect(new Set(history.map((h) => h.source))).toEqual(new Set(["web"]));
  });
});

describe("a guest's abandoned cart", () => {
  const hour = 3_600_000;
  const later = (hours: number) => new Date(Date.now() + hours * hour);

  it("gets the reminder sequence in the guest's language once they give an e-mail and marketing consent", async () => {
    const guest = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(guest, [{ sku: B!.sku, quantity: 1 }]);
    // No address yet: a guest cart has nobody to remind.
    await cartReminders.run(t.db, later(2));
    const email = "guest-consents@example.com";
    await guest.cart.setContact({ cartId, email: "Guest-Consents@example.com ", locale: "pl", marketingEmail: true });
    // The address's owner has not confirmed yet (double opt-in): still no reminder.
    expect(await cartReminders.run(t.db, later(2))).toBe(0);
    await guest.consent.confirm({ token: await consentToken(email) });
    await cartReminders.run(t.db, later(2));
    const [first] = await outboxOf("cart_reminder", email);
    expect(first!.body).toContain("W Twoim koszyku zostały");
    expect(first!.data).toMatchObject({ step: 1, qrLink: expect.stringContaining("/handoff?code=") });
    const [subject] = await t.sql`select subject from outbox where template = 'cart_reminder' and "to" = ${email}`;
    expect(subject!.subject).toBe("Twój koszyk na Ciebie czeka");
    await cartReminders.run(t.db, later(25));
    await cartReminders.run(t.db, later(100));
    expect((await outboxOf("cart_reminder", email)).map((m) => m.data.step)).toEqual([1, 2]);
    // The answer is kept with its time and app, and saying it again records nothing new.
    await guest.cart.setContact({ cartId, email, locale: "pl", marketingEmail: true });
    const consents = await t.sql`select granted, source from consents where email = ${email}`;
    expect(consents).toEqual([{ granted: true, source: "web" }]);
  });

  it("counts a guest's consent only once the address's owner confirms it by the e-mailed link", async () => {
    const guest = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(guest, [{ sku: B!.sku, quantity: 1 }]);
    const email = "someone-else@example.com";
    await guest.cart.setContact({ cartId, email, locale: "en", marketingEmail: true });
    // Ticking again, or from another cart, the same day sends no second e-mail: the form cannot flood an inbox.
    await guest.cart.setContact({ cartId, email, locale: "en", marketingEmail: true });
    const [mail, ...more] = await outboxOf("marketing_confirm", email);
    expect(more).toEqual([]);
    expect(mail!.body).toContain("/newsletter/confirm?token=");
    await cartReminders.run(t.db, later(2));
    expect(await outboxOf("cart_reminder", email)).toEqual([]);
    // A wrong or mangled token is refused and confirms nothing.
    for (const token of ["", "not-a-token", "x".repeat(300)])
      await expect(guest.consent.confirm({ token })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await cartReminders.run(t.db, later(2));
    expect(await outboxOf("cart_reminder", email)).toEqual([]);
    // The link works once.
    const token = String(mail!.data.consentToken);
    await expect(guest.consent.confirm({ token })).resolves.toEqual({ email });
    await expect(guest.consent.confirm({ token })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: expect.objectContaining({ details: expect.objectContaining({ reason: "consent_link_invalid" }) }),
    });
    await cartReminders.run(t.db, later(2));
    expect(await outboxOf("cart_reminder", email)).toHaveLength(1);
  });

  it("lets whoever holds a marketing e-mail withdraw by its unsubscribe link, and refuses a forged one", async () => {
    const guest = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(guest, [{ sku: B!.sku, quantity: 1 }]);
    const email = "leaving@example.com";
    await guest.cart.setContact({ cartId, email, locale: "en", marketingEmail: true });
    await guest.consent.confirm({ token: await consentToken(email) });
    await cartReminders.run(t.db, later(2));
    const [reminder] = await outboxOf("cart_reminder", email);
    const link = new URL(reminder!.body.match(/https?:\/\/\S+\/newsletter\/unsubscribe\?\S+/)![0]);
    expect(link.searchParams.get("email")).toBe(email);
    // Mail programs get it as the List-Unsubscribe header too.
    const mail = await renderEmail({ to: email, subject: "s", body: reminder!.body, data: reminder!.data });
    expect(mail.list).toEqual({ unsubscribe: link.href });
    const token = link.searchParams.get("token")!;
    const history = () => t.sql`select granted from consents where email = ${email} order by id`;
    // The token of another address, or one letter changed, withdraws nothing.
    const forged = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const attempt of [
      { email: "other@example.com", token },
      { email, token: forged },
      { email, token: "" },
    ])
      await expect(guest.consent.unsubscribe(attempt)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await history()).toEqual([{ granted: true }]);
    await expect(guest.consent.unsubscribe({ email: email.toUpperCase(), token })).resolves.toEqual({ email });
    await guest.consent.unsubscribe({ email, token });
    expect(await history()).toEqual([{ granted: true }, { granted: false }]);
    await cartReminders.run(t.db, later(25));
    expect(await outboxOf("cart_reminder", email)).toHaveLength(1);
  });

  it("takes a member's own confirmed address at its word, and sends an unconfirmed one the link", async () => {
    const guest = await callerFor(t.db, "anonymous");
    await guest.account.signUp({ email: "fresh-member@example.com", password: "long-enough-1", name: "Fresh" });
    const fresh = await callerFor(t.db, { email: "fresh-member@example.com" });
    const emailConsent = async (caller: typeof fresh) =>
      (await caller.consent.get()).find((c) => c.channel === "email");
    await fresh.consent.set({ channel: "email", granted: true });
    expect(await emailConsent(fresh)).toMatchObject({ granted: false, awaitingConfirmation: true });
    await fresh.consent.confirm({ token: await consentToken("fresh-member@example.com") });
    expect(await emailConsent(fresh)).toMatchObject({ granted: true, awaitingConfirmation: false });
    // Ada's address is confirmed: her "yes" counts at once and no link is sent.
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    await ada.consent.set({ channel: "email", granted: false });
    await ada.consent.set({ channel: "email", granted: true });
    expect(await emailConsent(ada)).toMatchObject({ granted: true, awaitingConfirmation: false });
    expect(await outboxOf("marketing_confirm", "ada@example.com")).toEqual([]);
  });

  it("lets a withdrawal win over a grant confirmed after it", async () => {
    const guest = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(guest, [{ sku: B!.sku, quantity: 1 }]);
    const email = "changed-mind@example.com";
    await guest.cart.setContact({ cartId, email, locale: "pl", marketingEmail: true });
    const token = await consentToken(email);
    await guest.cart.setContact({ cartId, email, locale: "pl", marketingEmail: false });
    await guest.consent.confirm({ token });
    await cartReminders.run(t.db, later(2));
    expect(await outboxOf("cart_reminder", email)).toEqual([]);
    const [mail] = await outboxOf("marketing_confirm", email);
    expect(mail!.body).toContain("Aby się zgodzić");
  });

  it("gets none without marketing consent, and a bad address changes nothing", async () => {
    const guest = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(guest, [{ sku: C!.sku, quantity: 1 }]);
    const email = "guest-silent@example.com";
    await guest.cart.setContact({ cartId, email, locale: "en" });
    await cartReminders.run(t.db, later(2));
    await guest.cart.setContact({ cartId, email, locale: "en", marketingEmail: false });
    await cartReminders.run(t.db, later(25));
    expect(await outboxOf("cart_reminder", email)).toEqual([]);
    await expect(
      guest.cart.setContact({ cartId, email: "not an address", locale: "en", marketingEmail: true }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const [cart] = await t.sql`select email from carts where id = ${cartId}`;
    expect(cart!.email).toBe(email);
    // A member's cart takes no address from someone signed in as another account, even knowing its id.
    const ada = await callerFor(t.db, { email: "ada@example.com" });
    const adaCart = await cartWith(ada, [{ sku: C!.sku, quantity: 1 }]);
    await guest.account.signUp({ email: "other-member@example.com", password: "long-enough-1", name: "Other" });
    const other = await callerFor(t.db, { email: "other-member@example.com" });
    await expect(other.cart.setContact({ cartId: adaCart, email, locale: "en" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const [untouched] = await t.sql`select email from carts where id = ${adaCart}`;
    expect(untouched!.email).toBeNull();
  });
});

describe("messages in the shopper's language", () => {
  it("confirms an order in Polish or English, with recommendations", async () => {
    for (const locale of ["pl", "en"] as const) {
      const guest = await callerFor(t.db, "anonymous");
      const cartId = await cartWith(guest, [{ sku: A!.sku, quantity: 1 }]);
      const email = `confirm-${locale}@example.com`;
      const placed = await guest.checkout.placeOrder({
        cartId,
        email,
        name: "Ola",
        locale,
        fulfillment: { type: "pickup", storeId: "krakow" },
        payment: { method: "pay_in_store" },
        idempotencyKey: `confirm-${locale}-${cartId}`,
      });
      const [message] = await t.sql<{ subject: string; body: string }[]>`
        select subject, body from outbox where template = 'order_placed' and "to" = ${email}`;
      expect(message!.subject).toBe(
        locale === "pl" ? `Zamówienie ${placed.orderNumber} przyjęte` : `Order ${placed.orderNumber} placed`,
      );
      expect(message!.body).toContain(locale === "pl" ? "Do zapłaty przy kasie" : "To pay at the counter");
      expect(message!.body).toMatch(
        new RegExp(`${locale === "pl" ? "Może Ci się spodobać" : "You may also like"}:\\n- .+: http\\S+/p/`),
      );
      expect(message!.body).not.toContain(`/p/${A!.slug}`);
    }
  });

  it("writes an account's e-mails in the language it was made or asked in", async () => {
    const guest = await callerFor(t.db, "anonymous");
    await guest.account.signUp({ email: "polka@example.com", password: "long-enough-1", name: "Ola", locale: "pl" });
    await guest.account.requestPasswordReset({ email: "polka@example.com", locale: "en" });
    const rows = await t.sql<{ template: string; subject: string }[]>`
      select template, subject from outbox where "to" = 'polka@example.com' order by id`;
    expect(rows).toEqual([
      { template: "account_verify_email", subject: "Potwierdź adres e-mail" },
      { template: "account_password_reset", subject: "Set a new password" },
    ]);
  });
});

describe("back in stock", () => {
  it("fires once when a count makes the SKU available where the shopper asked", async () => {
    const web = await callerFor(t.db, "anonymous");
    await setStock(t.db, "gdansk", A!.sku, 0);
    await expect(
      web.stockAlerts.create({ sku: A!.sku, storeId: "krakow", email: "wait@example.com" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await web.stockAlerts.create({ sku: A!.sku, storeId: "gdansk", email: "wait@example.com", locale: "pl" });
    await web.stockAlerts.create({ sku: A!.sku, storeId: "gdansk", email: "WAIT@example.com", locale: "pl" });
    expect(await notifyBackInStock(t.db, new Date())).toBe(0);

    await setStock(t.db, "gdansk", A!.sku, 2);
    const [first, second] = await Promise.all([
      notifyBackInStock(t.db, new Date()),
      notifyBackInStock(t.db, new Date()),
    ]);
    expect(first + second).toBe(1);
    expect(await notifyBackInStock(t.db, new Date())).toBe(0);
    const sent = await outboxOf("back_in_stock", "wait@example.com");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain("znowu dostępny");
  });

  it("fires once when a transfer brings the SKU into the store", async () => {
    const web = await callerFor(t.db, "anonymous");
    const [sku] = await stockedSkus(t.db, "warszawa", 1, 3);
    await setStock(t.db, "krakow", sku!, 0);
    await web.stockAlerts.create({ sku: sku!, storeId: "krakow", email: "transfer@example.com" });
    const max = await callerFor(t.db, { email: "max@example.com" }, "admin");
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    const created = await max.transfers.create({
      fromStoreId: "warszawa",
      toStoreId: "krakow",
      lines: [{ sku: sku!, quantity: 2 }],
      reason: "Refill",
    });
    await max.transfers.ship({ transferNumber: created.transferNumber });
    expect(await notifyBackInStock(t.db, new Date())).toBe(0);
    await ola.transfers.receive({ transferNumber: created.transferNumber });
    expect(await notifyBackInStock(t.db, new Date())).toBe(1);
    expect(await notifyBackInStock(t.db, new Date())).toBe(0);
    expect(await outboxOf("back_in_stock", "transfer@example.com")).toHaveLength(1);
  });

  it("runs as worker sweeps", () => {
    expect(sweeps.map((s) => s.name)).toEqual(
      expect.arrayContaining(["refresh-recommendations", "back-in-stock", "cart-reminders", "review-requests"]),
    );
  });
});

describe("SMS", () => {
  it("sends 'ready for pickup' by SMS in the shopper's language when they gave a phone, listed for staff", async () => {
    const web = await callerFor(t.db, "anonymous");
    const cartId = await cartWith(web, [{ sku: B!.sku, quantity: 1 }]);
    const placed = await web.checkout.placeOrder({
      cartId,
      email: "sms@example.com",
      name: "Zosia",
      phone: "+48 600 100 200",
      fulfillment: { type: "pickup", storeId: "krakow" },
      payment: { method: "pay_in_store" },
      idempotencyKey: `sms-${cartId}`,
      locale: "pl",
    });
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    await ola.fulfillment.advance({ orderNumber: placed.orderNumber, to: "picking" });
    await ola.fulfillment.advance({ orderNumber: placed.orderNumber, to: "ready_for_pickup" });
    // The e-mail speaks the shopper's language too.
    const [mail] = await ola.notifications.list({ email: "sms@example.com", channel: "email" });
    expect(mail).toMatchObject({
      template: "order_ready_for_pickup",
      subject: `Zamówienie ${placed.orderNumber} czeka na odbiór`,
    });
    const listed = await ola.notifications.list({ email: "sms@example.com", channel: "sms" });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ channel: "sms", to: "+48600100200", template: "order_ready_for_pickup" });
    // Staff read that it went out, but not the code that would collect the order.
    expect(listed[0]!.body).toContain("Kod odbioru: ••••");
    expect(listed[0]!.body).not.toContain(placed.pickupCode!);
    const [sms] = await t.sql<
      { body: string }[]
    >`select body from outbox where channel = 'sms' and "to" = '+48600100200'`;
    expect(sms!.body).toContain(`Kod odbioru: ${placed.pickupCode}`);

    const recorder = devSmsProvider();
    setSmsProvider(recorder);
    await deliverOutbox(t.db, new Date());
    expect(recorder.sent.filter((m) => m.to === "+48600100200")).toHaveLength(1);
  });

  it("sends the reservation's confirmation and its expiry reminder by SMS when a phone is given, listed for staff", async () => {
    await setStock(t.db, "krakow", C!.sku, 5);
    const kiosk = await callerFor(t.db, { kiosk: "krakow" }, "kiosk");
    const reserved = await kiosk.reservations.create({
      storeId: "krakow",
      lines: [{ sku: C!.sku, quantity: 1 }],
      email: "sms-reserve@example.com",
      name: "Ola Rezerwująca",
      phone: "+48 600 300 400",
      idempotencyKey: `sms-reserve-${C!.sku}`,
    });
    const ola = await callerFor(t.db, { email: "ola@example.com" }, "admin");
    const confirmed = await ola.notifications.list({ email: "sms-reserve@example.com", channel: "sms" });
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]).toMatchObject({ channel: "sms", to: "+48600300400", template: "reservation_confirmed" });

    // A while before it lapses, the reminder goes out once, by e-mail and by SMS.
    const [{ expires_at }] = await t.sql<{ expires_at: string }[]>`
      select expires_at from reservations where code = ${reserved.code}`;
    const soon = new Date(new Date(expires_at).getTime() - 60_000);
    await reservationReminders.run(t.db, soon);
    await reservationReminders.run(t.db, soon);
    const sent = await ola.notifications.list({ email: "sms-reserve@example.com", channel: "sms" });
    expect(sent.map((m) => m.template).sort()).toEqual(["reservation_confirmed", "reservation_expiring"]);
  });

  it("speaks SMSAPI's HTTP API with the outbox id as the idempotency key", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const provider = smsapiProvider({
      url: "https://api.smsapi.test/sms.do",
      token: "secret-token",
      from: "Omni",
      fetch: (async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        return new Response(
          JSON.stringify(
            calls.length === 1 ? { count: 1, list: [{ id: "abc" }] } : { error: 105, message: "idx used" },
          ),
        );
      }) as typeof fetch,
    });
    expect(await provider.send({ to: "600 100 200", body: "Hej", idempotencyKey: "outbox-7" })).toEqual({ id: "abc" });
    const form = calls[0]!.init.body as URLSearchParams;
    expect(form.get("to")).toBe("48600100200");
    expect(form.get("idx")).toBe("outbox-7");
    expect(form.get("check_idx")).toBe("1");
    expect(new Headers(calls[0]!.init.headers).get("authorization")).toBe("Bearer secret-token");
    // The retry of a send that got through is not an error.
    expect(await provider.send({ to: "600 100 200", body: "Hej", idempotencyKey: "outbox-7" })).toEqual({
      id: "idx-outbox-7",
    });
  });
});
