import { sql } from "drizzle-orm";

import type { Database } from "@omni/db";

import { at, domainEnv, queueMessage, type Sweep } from "../kernel";
import { marketingConsentSql } from "./consent";
import { textsFor } from "./message-texts";
import { unsubscribeLink } from "./unsubscribe";

/** Days after collection or delivery when the shopper is asked to rate what they bought. */
export const REVIEW_REQUEST_DAYS = 3;
/** Orders older than this are not asked about any more (the sweep started late, or consent came later). */
const REVIEW_REQUEST_UNTIL_DAYS = 30;

/**
 * "How did you like it?": one e-mail per collected or delivered order a few days later, with a link to the
 * order page where each product can be rated. Asking for an opinion is marketing under Polish law, so only
 * with consent to marketing e-mail. The row in `review_requests` is the once-only guard, written in the
 * transaction that queues the message.
 */
export async function sendReviewRequests(db: Database, now: Date): Promise<number> {
  const candidates = await db.execute<{ id: string; number: string; email: string; locale: string }>(sql`
    select o.id, o.number, o.email, o.locale from orders o
    where o.status in ('collected', 'delivered')
      and o.completed_at <= ${at(now)} - make_interval(days => ${REVIEW_REQUEST_DAYS})
      and o.completed_at > ${at(now)} - make_interval(days => ${REVIEW_REQUEST_UNTIL_DAYS})
      and not exists (select 1 from review_requests r where r.order_id = o.id)
      and ${marketingConsentSql(sql`o.email`, "email")}
    order by o.completed_at limit 200`);
  let sent = 0;
  for (const order of candidates) {
    const took = await db.transaction(async (tx) => {
      const inserted = await tx.execute(sql`
        insert into review_requests (order_id, sent_at) values (${order.id}, ${at(now)})
        on conflict do nothing returning order_id`);
      if (!inserted.length) return false;
      const t = textsFor(order.locale);
      const unsubscribe = unsubscribeLink(order.email);
      const link = `${domainEnv.OMNI_WEB_URL.replace(/\/+$/, "")}/orders/${order.number}?email=${encodeURIComponent(order.email)}#rate`;
      await queueMessage(tx, {
        to: order.email,
        template: "review_request",
        subject: t.reviewSubject(order.number),
        body: t.reviewBody({ link, unsubscribe }),
        data: { orderNumber: order.number, link, unsubscribeLink: unsubscribe },
      });
      return true;
    });
    if (took) sent++;
  }
  return sent;
}

export const reviewRequestsSweep: Sweep = { name: "review-requests", cron: "13 * * * *", run: sendReviewRequests };
