import { eq, sql } from "drizzle-orm";

import { stockAlerts, type Database, type Locale } from "@omni/db";

import { availableSql } from "../inventory";
import { badRequest, domainEnv, notFound, queueMessage, type Sweep } from "../kernel";
import { textsFor } from "./message-texts";

/**
 * `stockAlerts.create`: a shopper asks to be told when an out-of-stock SKU is available again at one location
 * (a store, or `online` for delivery). Asking twice is one alert; asking for what is available now is refused.
 */
export async function createStockAlert(
  db: Database,
  input: { sku: string; storeId: string; email: string; locale?: Locale },
) {
  const [place] = await db.execute<{ available: number | null; location: string | null; sku: string | null }>(sql`
    select v.sku, l.id as location,
      (select ${availableSql} from stock_levels sl where sl.sku = v.sku and sl.location_id = l.id) as available
    from variants v left join locations l on l.id = ${input.storeId}
    where v.sku = ${input.sku}`);
  if (!place) throw notFound(`SKU ${input.sku}`, "sku_not_found", { sku: input.sku });
  if (!place.location) throw notFound(`Store ${input.storeId}`, "store_not_found", { store: input.storeId });
  if ((place.available ?? 0) > 0)
    throw badRequest("It is available there now: no need to wait.", { reason: "stock_alert_available_now" });
  await db
    .insert(stockAlerts)
    .values({
      sku: input.sku,
      locationId: input.storeId,
      email: input.email.trim().toLowerCase(),
      locale: input.locale ?? "en",
    })
    .onConflictDoUpdate({
      target: [stockAlerts.sku, stockAlerts.locationId, stockAlerts.email],
      set: { notifiedAt: null, locale: input.locale ?? "en", createdAt: new Date() },
    });
  return { sku: input.sku, storeId: input.storeId, waiting: true };
}

/**
 * Tells each waiting shopper, once, that their SKU is available where they asked, whatever made it so
 * (a delivery, a transfer, a count, a cancelled order). Each alert is taken under `for update skip locked`
 * and marked in the transaction that queues the message, so two workers never send it twice.
 */
export async function notifyBackInStock(db: Database, now: Date): Promise<number> {
  const due = sql`a.notified_at is null and exists (
    select 1 from stock_levels sl where sl.sku = a.sku and sl.location_id = a.location_id and ${availableSql} > 0)`;
  const candidates = await db.execute<{ id: string }>(sql`select a.id from stock_alerts a where ${due} limit 200`);
  let sent = 0;
  for (const { id } of candidates) {
    const took = await db.transaction(async (tx) => {
      const [alert] = await tx.execute<{
        id: string;
        sku: string;
        email: string;
        locale: Locale;
        location_id: string;
        location_type: string;
        location_name: string;
        title: string;
        slug: string;
      }>(sql`
        select a.id, a.sku, a.email, a.locale, a.location_id, l.type as location_type, l.name as location_name,
          p.title || ' ' || v.title as title, p.slug
        from stock_alerts a join locations l on l.id = a.location_id
        join variants v on v.sku = a.sku join products p on p.id = v.product_id
        where a.id = ${id} and ${due} for update of a skip locked`);
      if (!alert) return false;
      const t = textsFor(alert.locale);
      const link = `${domainEnv.OMNI_WEB_URL.replace(/\/+$/, "")}/p/${alert.slug}`;
      await queueMessage(tx, {
        to: alert.email,
        template: "back_in_stock",
        subject: t.backInStockSubject(alert.title),
        body: t.backInStockBody({
          title: alert.title,
          where: alert.location_type === "warehouse" ? t.online : alert.location_name,
          link,
        }),
        data: { sku: alert.sku, storeId: alert.location_id, link, email: alert.email },
      });
      await tx.update(stockAlerts).set({ notifiedAt: now }).where(eq(stockAlerts.id, alert.id));
      return true;
    });
    if (took) sent++;
  }
  return sent;
}

export const backInStockSweep: Sweep = { name: "back-in-stock", run: notifyBackInStock };
