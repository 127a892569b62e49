import { eq, sql } from "drizzle-orm";

import { cartHandoffs, carts, type Database, type Tx } from "@omni/db";

import { marketingConsentSql, textsFor, unsubscribeLink } from "../engagement";
import { at, domainEnv, handleEachLocked, queueMessage, randomCode, type Sweep } from "../kernel";

/** How long the code in a reminder opens the cart, in the shop or at a kiosk. */
const REMINDER_CODE_DAYS = 7;

/** The hours of idleness after which each reminder of the one sequence goes (setting OMNI_CART_REMINDER_HOURS). */
export const reminderHours = () => domainEnv.OMNI_CART_REMINDER_HOURS.split(",").map(Number);

/** Where a cart's reminders go: what a guest typed, else the member's address. */
const recipient = sql`coalesce(carts.email, (select u.email from users u where u.id = carts.user_id))`;

/**
 * Whether a cart is due for its next reminder: open, with goods, someone to write to who consented to
 * marketing e-mail, idle for that step's hours, with steps left, and its shopper has not ordered since.
 * Ordering the cart in any channel, emptying it or withdrawing consent stops the sequence.
 */
function dueSql(now: Date) {
  const hours = reminderHours();
  const idleEnough = sql.join(
    hours.map(
      (h, step) =>
        sql`(carts.reminders_sent = ${step} and carts.updated_at <= ${at(now)} - make_interval(secs => ${h * 3600}))`,
    ),
    sql` or `,
  );
  return sql`carts.status = 'open'
    and carts.reminders_sent < ${hours.length}
    and (${idleEnough})
    and exists (select 1 from cart_lines cl where cl.cart_id = carts.id)
    and ${recipient} is not null
    and ${marketingConsentSql(recipient, "email")}
    and not exists (select 1 from orders o where o.created_at > carts.updated_at
      and (o.user_id = carts.user_id or o.email = lower(${recipient})))`;
}

async function remind(tx: Tx, cartId: string, now: Date) {
  const [cart] = await tx.execute<{ email: string; locale: string | null; reminders_sent: number }>(
    // The language the shopper gave with the cart, else the member's.
    sql`select ${recipient} as email, coalesce(carts.locale, (select u.locale from users u where u.id = carts.user_id)) as locale,
      carts.reminders_sent from carts where carts.id = ${cartId}`,
  );
  const lines = await tx.execute<{ title: string; quantity: number }>(sql`
    select p.title || ' ' || v.title as title, cl.quantity from cart_lines cl
    join variants v on v.sku = cl.sku join products p on p.id = v.product_id
    where cl.cart_id = ${cartId} order by cl.added_at`);
  const code = randomCode(8);
  await tx
    .insert(cartHandoffs)
    .values({ code, cartId, expiresAt: new Date(now.getTime() + REMINDER_CODE_DAYS * 86_400_000) });
  const link = `${domainEnv.OMNI_WEB_URL.replace(/\/+$/, "")}/handoff?code=${code}`;
  const t = textsFor(cart!.locale);
  await queueMessage(tx, {
    to: cart!.email,
    template: "cart_reminder",
    subject: t.cartSubject,
    body: t.cartBody({
      items: lines.map((l) => `${l.quantity} × ${l.title}`).join(", "),
      link,
      code,
      unsubscribe: unsubscribeLink(cart!.email),
    }),
    // The link travels in the data so that the e-mail shows it as a QR a kiosk can scan.
    data: {
      cartCode: code,
      qrLink: link,
      step: cart!.reminders_sent + 1,
      email: cart!.email,
      unsubscribeLink: unsubscribeLink(cart!.email),
    },
  });
  await tx
    .update(carts)
    .set({ remindersSent: sql`${carts.remindersSent} + 1`, lastReminderAt: now })
    .where(eq(carts.id, cartId));
}

/** Reminds shoppers of abandoned carts: at most one sequence per cart, consent permitting. */
export const cartReminders: Sweep = {
  name: "cart-reminders",
  cron: "2-59/5 * * * *",
  run: (db: Database, now: Date) =>
    handleEachLocked(db, { table: "carts", due: dueSql(now), now, handle: (tx, id) => remind(tx, id, now) }),
};
