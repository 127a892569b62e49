import { eq, sql } from "drizzle-orm";

import { orders } from "@omni/db";

import { messageLocale, textsFor } from "../engagement";
import { at, handleEachLocked, queueMessage, systemActor, whenText, type Sweep } from "../kernel";
import { findLocation } from "../stores";
import { lockOrder, recordOrderEvent } from "./order-state-machine";

/** How long before the pickup deadline the shopper is reminded, once. */
export const PICKUP_REMINDER_HOURS = 24;

export const pickupReminders: Sweep = {
  name: "pickup-reminders",
  run: (db, now) =>
    handleEachLocked(db, {
      table: "orders",
      now,
      due: sql`status = 'ready_for_pickup' and reminder_sent_at is null and pickup_deadline > ${at(now)}
        and pickup_deadline <= ${at(now)} + make_interval(hours => ${PICKUP_REMINDER_HOURS})`,
      handle: async (tx, id) => {
        const order = await lockOrder(tx, id);
        const store = await findLocation(tx, order.locationId);
        await tx.update(orders).set({ reminderSentAt: now }).where(eq(orders.id, order.id));
        await queueMessage(tx, {
          to: order.email,
          template: "order_pickup_reminder",
          subject: textsFor(order.locale).pickupReminderSubject(order.number),
          body: textsFor(order.locale).pickupReminderBody({
            name: order.name,
            orderNumber: order.number,
            store: store.name,
            point: store.pickupPoint,
            code: order.pickupCode ?? "",
            until: whenText(order.pickupDeadline!, store.timezone, messageLocale(order.locale)),
          }),
          data: {
            orderNumber: order.number,
            pickupCode: order.pickupCode,
            storeId: store.id,
            storeName: store.name,
            pickupDeadline: order.pickupDeadline!.toISOString(),
          },
        });
        await recordOrderEvent(tx, {
          orderId: order.id,
          type: "pickup_reminder_sent",
          actor: systemActor,
          status: order.status,
          at: now,
        });
      },
    }),
};
