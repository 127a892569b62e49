import { and, eq, inArray, sql } from "drizzle-orm";

import { paymentAttempts, payments, storeCreditEntries, type Database, type DbOrTx, type Tx } from "@omni/db";

import { ProviderTimeoutError, type AuthorizeAnswer } from "./payment-provider";
import { paymentProviderFor, type PaymentData } from "./test-providers";

export type PaymentAttempt = typeof paymentAttempts.$inferSelect;

/** What the provider said to an authorisation, or that it said nothing we could hear. */
export type ProviderOutcome = AuthorizeAnswer | { status: "unknown"; reason: string };

/** Written with the order, before the provider is asked: its id is the idempotency key the provider sees. */
export async function openPaymentAttempt(
  tx: Tx,
  input: { orderId: string; provider: string; amountMinor: number; currency: string },
): Promise<PaymentAttempt> {
  const [attempt] = await tx.insert(paymentAttempts).values(input).returning();
  return attempt!;
}

/** Asks the provider to authorise an attempt. Called outside any transaction; a timeout is `unknown`. */
export async function askProviderToAuthorize(
  attempt: Pick<PaymentAttempt, "id" | "provider" | "amountMinor" | "currency">,
  reference: string,
  data: PaymentData,
): Promise<ProviderOutcome> {
  try {
    return await paymentProviderFor(attempt.provider).authorize({
      idempotencyKey: attempt.id,
      amountMinor: attempt.amountMinor,
      currency: attempt.currency,
      reference,
      data,
    });
  } catch (error) {
    if (error instanceof ProviderTimeoutError) return { status: "unknown", reason: error.message };
    return { status: "unknown", reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Asks the provider what became of an attempt whose answer was lost. */
export async function askProviderStatus(attempt: Pick<PaymentAttempt, "id" | "provider">): Promise<ProviderOutcome> {
  try {
    const answer = await paymentProviderFor(attempt.provider).status({ idempotencyKey: attempt.id });
    if (answer.status === "authorized" || answer.status === "captured")
      return { status: "authorized", providerRef: answer.providerRef! };
    if (answer.status === "pending") return { status: "pending", providerRef: answer.providerRef! };
    return { status: "declined", reason: "The payment was not completed." };
  } catch (error) {
    return { status: "unknown", reason: error instanceof Error ? error.message : String(error) };
  }
}

/** Locks an attempt row: the one place where two answers to one payment queue up. */
export async function lockPaymentAttempt(tx: Tx, attemptId: string): Promise<PaymentAttempt | undefined> {
  const [attempt] = await tx.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId)).for("update");
  return attempt;
}

export async function setAttemptStatus(
  tx: Tx,
  attemptId: string,
  changes: Partial<Pick<PaymentAttempt, "status" | "providerRef" | "redirectUrl" | "lastError" | "captureMinor">>,
) {
  await tx
    .update(paymentAttempts)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(paymentAttempts.id, attemptId));
}

export async function attemptsOfOrder(db: DbOrTx, orderId: string): Promise<PaymentAttempt[]> {
  return db
    .select()
    .from(paymentAttempts)
    .where(eq(paymentAttempts.orderId, orderId))
    .orderBy(paymentAttempts.createdAt);
}

/** The authorisation that is still open on an order (authorised, not yet captured or released). */
export async function openAuthorization(tx: Tx, orderId: string): Promise<PaymentAttempt | undefined> {
  const [attempt] = await tx
    .select()
    .from(paymentAttempts)
    .where(and(eq(paymentAttempts.orderId, orderId), inArray(paymentAttempts.status, ["authorized", "pending"])))
    .for("update");
  return attempt;
}

/**
 * Asks for the authorisation to be captured (the goods left) for `amountMinor`, or released when
 * nothing is taken. The provider is called after the caller commits, by `settlePaymentAttempt`.
 */
export async function requestCapture(tx: Tx, attempt: PaymentAttempt, amountMinor: number): Promise<string> {
  const capture = Math.min(amountMinor, attempt.amountMinor);
  await setAttemptStatus(tx, attempt.id, {
    status: capture > 0 ? "capture_pending" : "cancel_pending",
    captureMinor: capture,
  });
  return attempt.id;
}

/** Asks for the authorisation to be released (the order ended unfulfilled). */
export async function requestRelease(tx: Tx, attempt: PaymentAttempt): Promise<string> {
  await setAttemptStatus(tx, attempt.id, { status: "cancel_pending" });
  return attempt.id;
}

/**
 * Carries out a capture or release asked for in a committed transaction: the provider is called
 * outside any transaction with a key per operation, and the answer is recorded under the row lock,
 * so running it twice (the caller and the sweep) captures once.
 */
export async function settlePaymentAttempt(db: Database, attemptId: string): Promise<PaymentAttempt["status"] | null> {
  const [attempt] = await db.select().from(paymentAttempts).where(eq(paymentAttempts.id, attemptId));
  if (!attempt || !attempt.providerRef) return attempt?.status ?? null;
  if (attempt.status !== "capture_pending" && attempt.status !== "cancel_pending") return attempt.status;
  const provider = paymentProviderFor(attempt.provider);
  const capturing = attempt.status === "capture_pending";
  let result;
  try {
    result = capturing
      ? await provider.capture({
          idempotencyKey: `${attempt.id}:capture`,
          providerRef: attempt.providerRef,
          amountMinor: attempt.captureMinor ?? attempt.amountMinor,
        })
      : await provider.cancel({ idempotencyKey: `${attempt.id}:cancel`, providerRef: attempt.providerRef });
  } catch (error) {
    // Left as it is: the sweep asks again.
    await db.transaction((tx) =>
      setAttemptStatus(tx, attempt.id, { lastError: error instanceof Error ? error.message : String(error) }),
    );
    return attempt.status;
  }
  return db.transaction(async (tx) => {
    const locked = await lockPaymentAttempt(tx, attempt.id);
    if (!locked || locked.status !== attempt.status) return locked?.status ?? null;
    if (!result.ok) {
      await setAttemptStatus(tx, attempt.id, { lastError: result.reason });
      return locked.status;
    }
    if (capturing) {
      const captured = locked.captureMinor ?? locked.amountMinor;
      await tx
        .update(paymentAttempts)
        .set({ status: "captured", capturedMinor: captured, updatedAt: new Date() })
        .where(eq(paymentAttempts.id, attempt.id));
      await tx.insert(payments).values({
        orderId: locked.orderId,
        provider: locked.provider,
        kind: "charge",
        amountMinor: captured,
        currency: locked.currency,
        providerRef: locked.providerRef!,
      });
      return "captured" as const;
    }
    await setAttemptStatus(tx, attempt.id, { status: "cancelled" });
    return "cancelled" as const;
  });
}

/** Attempts left open (a crash, a lost answer, a capture not yet made) for the reconcile sweep. */
export async function openAttemptsDue(db: DbOrTx, olderThan: Date): Promise<PaymentAttempt[]> {
  return db
    .select()
    .from(paymentAttempts)
    .where(
      and(
        inArray(paymentAttempts.status, ["pending", "capture_pending", "cancel_pending"]),
        sql`${paymentAttempts.updatedAt} <= ${olderThan.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(paymentAttempts.updatedAt)
    .limit(100);
}

/** A checkout that never became an order gives back the store credit it spent. */
export async function undoCreditSpend(tx: Tx, orderId: string) {
  await tx
    .delete(storeCreditEntries)
    .where(
      and(
        eq(storeCreditEntries.refType, "order"),
        eq(storeCreditEntries.refId, orderId),
        eq(storeCreditEntries.reason, "spent"),
      ),
    );
}
