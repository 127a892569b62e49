import type { Database, Tx } from "@omni/db";

import { PAYMENT_NOT_COMPLETED } from "../engagement";
import { endHolds } from "../inventory";
import { queueMessage, systemActor, type Actor } from "../kernel";
import { restoreRedeemedPoints } from "../loyalty";
import {
  askProviderStatus,
  lockPaymentAttempt,
  openAttemptsDue,
  paymentProviderFor,
  setAttemptStatus,
  settlePaymentAttempt,
  undoCreditSpend,
  undoGiftCardSpend,
  type ProviderOutcome,
} from "../payments";
import { discardUnpaidOrder, recordOrderPaid } from "./create-order";
import { closeUnfulfilledOrder } from "./fulfillment";
import { orderPlacedMessage } from "./order-placed-message";
import { lockOrder, recordOrderEvent, type OrderRow } from "./order-state-machine";

export type FinalisedPayment =
  | { result: "authorized"; order: OrderRow }
  | { result: "declined"; reason: string; discarded: boolean }
  | { result: "pending"; order: OrderRow; redirectUrl?: string }
  /** Another answer got there first: this one changed nothing. */
  | { result: "already"; status: string };

/**
 * The one place where a provider's answer finishes an order, whoever brings it: the checkout that
 * asked, the bank's notification, the shopper's return page or the reconcile sweep. The attempt row
 * is locked and only a `pending` attempt is finished, so an answer that arrives twice is processed once.
 *
 * Declined: a checkout the shopper is still waiting on (`discardOnDecline`) leaves no order and
 * nothing held, as the contract asks; an order the shopper already saw (a transfer, a lost answer)
 * is cancelled instead, its stock released and its store credit returned.
 */
export async function finaliseOrderPayment(
  db: Database,
  input: {
    attemptId: string;
    outcome: ProviderOutcome;
    discardOnDecline?: boolean;
    actor?: Actor;
    /** The attempt's order, when the caller knows it: its lock is sent right behind the attempt's, not after. */
    orderId?: string;
    onAuthorized?: (tx: Tx, order: OrderRow) => Promise<void>;
    /**
     * `onAuthorized` writes nothing that the payment's own writes change nor reads them back (a checkout's
     * confirmation): it is sent together with them, one round trip instead of two.
     */
    confirmBesidePayment?: boolean;
  },
): Promise<FinalisedPayment> {
  const actor = input.actor ?? systemActor;
  return db.transaction(async (tx) => {
    // The attempt first, then its order: the order every finisher locks them in.
    const locking = lockPaymentAttempt(tx, input.attemptId);
    const orderLock = input.orderId ? lockOrder(tx, input.orderId) : null;
    orderLock?.catch(() => {});
    const attempt = await locking;
    if (!attempt) return { result: "already", status: "discarded" };
    if (attempt.status !== "pending") return { result: "already", status: attempt.status };
    const order =
      orderLock && attempt.orderId === input.orderId ? await orderLock : await lockOrder(tx, attempt.orderId);
    const { outcome } = input;
    if (outcome.status === "unknown" || outcome.status === "pending") {
      await setAttemptStatus(tx, attempt.id, {
        lastError: outcome.status === "unknown" ? outcome.reason : null,
        providerRef: outcome.status === "pending" ? outcome.providerRef : attempt.providerRef,
        redirectUrl: outcome.status === "pending" ? (outcome.redirectUrl ?? attempt.redirectUrl) : attempt.redirectUrl,
      });
      return { result: "pending", order, redirectUrl: outcome.status === "pending" ? outcome.redirectUrl : undefined };
    }
    if (outcome.status === "authorized") {
      // Beside the payment's writes only when no timeline entry must come first (see below).
      const beside = input.discardOnDecline && input.confirmBesidePayment ? input.onAuthorized : undefined;
      const [, paid] = await Promise.all([
        setAttemptStatus(tx, attempt.id, {
          status: "authorized",
          providerRef: outcome.providerRef,
          lastError: null,
        }),
        recordOrderPaid(tx, {
          orderId: order.id,
          paidMinor: attempt.amountMinor,
          paymentRef: outcome.providerRef,
        }),
        beside?.(tx, { ...order, paidMinor: attempt.amountMinor, paymentRef: outcome.providerRef }),
      ]);
      // A payment that came later than the checkout (a transfer, a lost answer) shows on the timeline.
      if (!input.discardOnDecline)
        await recordOrderEvent(tx, {
          orderId: order.id,
          type: "payment_authorized",
          actor,
          status: order.status,
          data: { provider: attempt.provider, amountMinor: attempt.amountMinor },
        });
      if (beside) return { result: "authorized", order: paid };
      if (input.onAuthorized) await input.onAuthorized(tx, paid);
      else await queueMessage(tx, await orderPlacedMessage(tx, paid));
      return { result: "authorized", order: paid };
    }
    await setAttemptStatus(tx, attempt.id, { status: "declined", lastError: outcome.reason });
    if (input.discardOnDecline) {
      await endHolds(tx, {
        ownerId: order.id,
        mode: "release",
        reason: "order_release",
        actor,
        note: `Payment declined for ${order.number}`,
      });
      await undoCreditSpend(tx, order.id);
      await undoGiftCardSpend(tx, order.id);
      await restoreRedeemedPoints(tx, actor, order, "payment declined");
      await discardUnpaidOrder(tx, order.id);
      return { result: "declined", reason: outcome.reason, discarded: true };
    }
    await closeUnfulfilledOrder(tx, { order, to: "cancelled", actor, reason: PAYMENT_NOT_COMPLETED });
    return { result: "declined", reason: outcome.reason, discarded: false };
  });
}

/**
 * A provider's notification (a webhook): its signature and the verify step are the provider's;
 * then the one finaliser. Anything not genuine is refused and changes nothing.
 */
export async function handlePaymentNotification(
  db: Database,
  input: { provider: string; body: string },
): Promise<{ ok: boolean; result?: FinalisedPayment["result"] }> {
  const provider = paymentProviderFor(input.provider);
  if (!provider.webhook) return { ok: false };
  const note = await provider.webhook({ body: input.body });
  if (note.action === "invalid") return { ok: false };
  const finalised = await finaliseOrderPayment(db, {
    attemptId: note.idempotencyKey,
    outcome:
      note.action === "authorized"
        ? { status: "authorized", providerRef: note.providerRef }
        : { status: "declined", reason: "The transfer was not made." },
  });
  return { ok: true, result: finalised.result };
}

/**
 * Attempts left open by a crash or a lost answer: the provider is asked what happened and the answer
 * goes through the finaliser; captures and releases asked for but not made are made. Runs as a sweep.
 */
export async function reconcilePayments(db: Database, now: Date, graceMs = 60_000): Promise<number> {
  const due = await openAttemptsDue(db, new Date(now.getTime() - graceMs));
  let handled = 0;
  for (const attempt of due) {
    if (attempt.status === "pending") {
      const outcome = await askProviderStatus(attempt);
      // A transfer the shopper has not paid yet stays open until its order's time runs out.
      if (outcome.status === "pending" && now.getTime() - attempt.createdAt.getTime() < 60 * 60 * 1000) continue;
      const settled = await finaliseOrderPayment(db, {
        attemptId: attempt.id,
        outcome: outcome.status === "pending" ? { status: "declined", reason: "The payment was never made." } : outcome,
      });
      if (settled.result !== "already" && settled.result !== "pending") handled++;
    } else {
      const before = attempt.status;
      if ((await settlePaymentAttempt(db, attempt.id)) !== before) handled++;
    }
  }
  return handled;
}
