import { timingSafeEqual } from "node:crypto";

import {
  ProviderTimeoutError,
  type AuthorizeAnswer,
  type PaymentData,
  type PaymentProvider,
  type ProviderResult,
} from "./payment-provider";
import { testBank, transferSign } from "./test-bank";

/** Capture, refund, cancel and status work the same for every test provider: on the test bank's memory. */
function bankOperations(id: string): Pick<PaymentProvider, "capture" | "refund" | "cancel" | "status"> {
  const find = (providerRef: string) => testBank.byRef(providerRef)?.entry;
  /**
   * The test bank lives in each process's memory; a payment it made in another process (the shop
   * authorised it, the worker's sweep releases it) is answered as the real provider would.
   */
  const madeElsewhere = (providerRef: string) => /^(ch_test|blik_test|p24_test|cod)_[0-9a-f]{16}$/.test(providerRef);
  return {
    async capture({ providerRef, amountMinor }): Promise<ProviderResult> {
      const entry = find(providerRef);
      if (!entry && madeElsewhere(providerRef) && amountMinor >= 0) return { ok: true, providerRef };
      if (!entry) return { ok: false, reason: "Unknown payment." };
      if (entry.status === "captured") return { ok: true, providerRef };
      if (entry.status !== "authorized") return { ok: false, reason: `The payment is ${entry.status}.` };
      if (amountMinor > entry.amountMinor) return { ok: false, reason: "More than was authorised." };
      entry.status = "captured";
      entry.capturedMinor = amountMinor;
      return { ok: true, providerRef };
    },
    async refund({ providerRef, amountMinor }): Promise<ProviderResult> {
      const entry = find(providerRef);
      // Charges made before this process began (seeded or settled elsewhere) are refunded as the provider would.
      if (!entry && (providerRef.startsWith("ch_test_") || madeElsewhere(providerRef)))
        return { ok: true, providerRef: `re_test_${providerRef.slice(-8)}_${amountMinor}` };
      if (!entry) return { ok: false, reason: "Unknown charge." };
      const refundable = (entry.status === "captured" ? entry.capturedMinor : entry.amountMinor) - entry.refundedMinor;
      if (amountMinor > refundable) return { ok: false, reason: "More than was paid." };
      entry.refundedMinor += amountMinor;
      return { ok: true, providerRef: `re_${id}_${providerRef.slice(-8)}_${entry.refundedMinor}` };
    },
    async cancel({ providerRef }): Promise<ProviderResult> {
      const entry = find(providerRef);
      if (!entry && madeElsewhere(providerRef)) return { ok: true, providerRef };
      if (!entry) return { ok: false, reason: "Unknown payment." };
      if (entry.status === "captured") return { ok: false, reason: "A captured payment is refunded, not cancelled." };
      entry.status = "cancelled";
      return { ok: true, providerRef };
    },
    async status({ idempotencyKey }) {
      const entry = testBank.get(idempotencyKey);
      return entry ? { status: entry.status, providerRef: entry.providerRef } : { status: "not_found" };
    },
  };
}

async function sessionOf(idempotencyKey: string, prefix: string, amountMinor: number) {
  const entry = testBank.open(idempotencyKey, prefix, amountMinor, "pending");
  return { providerRef: entry.providerRef };
}

/** Authorises once per key: a repeated call answers what the first one did. */
function authorizeOnce(
  idempotencyKey: string,
  prefix: string,
  amountMinor: number,
  decide: () => { ok: true } | { ok: false; reason: string },
): AuthorizeAnswer {
  const entry = testBank.open(idempotencyKey, prefix, amountMinor, "pending");
  if (entry.status === "pending") {
    const decision = decide();
    entry.status = decision.ok ? "authorized" : "declined";
    if (decision.ok) entry.chargeCount += 1;
    else return { status: "declined", reason: decision.reason };
  }
  if (entry.status === "declined") return { status: "declined", reason: "The payment was declined." };
  return { status: "authorized", providerRef: entry.providerRef };
}

/**
 * Cards: `tok_ok` is authorised, `tok_declined` declined, and `tok_timeout` is authorised (the money is
 * taken) but the answer never arrives, as when a network drops the reply.
 */
export const testCardProvider: PaymentProvider = {
  id: "card",
  initiate: ({ idempotencyKey, amountMinor }) => sessionOf(idempotencyKey, "ch_test", amountMinor),
  async authorize({ idempotencyKey, amountMinor, data }) {
    const token = data.token ?? "";
    const answer = authorizeOnce(idempotencyKey, "ch_test", amountMinor, () => {
      if (token === "tok_ok" || token === "tok_timeout") return { ok: true };
      if (token === "tok_declined") return { ok: false, reason: "Your card was declined. Please use another card." };
      return { ok: false, reason: "This card could not be charged. Please check the details and try again." };
    });
    if (token === "tok_timeout") throw new ProviderTimeoutError("card");
    return answer;
  },
  ...bankOperations("card"),
};

/** BLIK: a six-digit code from the shopper's banking app; `777123` is authorised, any other is declined. */
export const testBlikProvider: PaymentProvider = {
  id: "blik",
  initiate: ({ idempotencyKey, amountMinor }) => sessionOf(idempotencyKey, "blik_test", amountMinor),
  async authorize({ idempotencyKey, amountMinor, data }) {
    return authorizeOnce(idempotencyKey, "blik_test", amountMinor, () =>
      data.code === "777123"
        ? { ok: true }
        : {
            ok: false,
            reason:
              "This BLIK code was declined or has expired. Generate a new code in your banking app and try again.",
          },
    );
  },
  ...bankOperations("blik"),
};

/**
 * Pay-by-link transfer in the shape of Przelewy24: `initiate` registers the transaction and gives
 * the bank's address (the shop's small test bank page); the bank later sends a signed notification,
 * which is verified before it counts. Authorising answers `pending` until then.
 */
export const testTransferProvider: PaymentProvider = {
  id: "transfer",
  async initiate({ idempotencyKey, amountMinor, currency, data }) {
    const { providerRef } = await sessionOf(idempotencyKey, "p24_test", amountMinor);
    const params = new URLSearchParams({ session: idempotencyKey, amount: String(amountMinor), currency });
    if (data.returnUrl) params.set("return", data.returnUrl);
    return { providerRef, redirectUrl: `/test-bank?${params.toString()}` };
  },
  async authorize({ idempotencyKey, amountMinor, currency, data }) {
    const entry = testBank.get(idempotencyKey);
    if (entry && entry.status === "authorized") return { status: "authorized", providerRef: entry.providerRef };
    if (entry && entry.status === "declined") return { status: "declined", reason: "The transfer was not made." };
    const session = await this.initiate({ idempotencyKey, amountMinor, currency, reference: "", data });
    return { status: "pending", providerRef: session.providerRef, redirectUrl: session.redirectUrl };
  },
  async webhook({ body }) {
    let note: { sessionId?: unknown; orderId?: unknown; amount?: unknown; currency?: unknown; sign?: unknown };
    try {
      note = JSON.parse(body) as typeof note;
    } catch {
      return { action: "invalid" };
    }
    const { sessionId, orderId, amount, currency, sign } = note;
    if (
      typeof sessionId !== "string" ||
      typeof orderId !== "string" ||
      typeof amount !== "number" ||
      typeof currency !== "string" ||
      typeof sign !== "string"
    )
      return { action: "invalid" };
    const expected = Buffer.from(transferSign({ sessionId, orderId, amount, currency }));
    const given = Buffer.from(sign);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { action: "invalid" };
    // The verify step: ask the bank whether this transaction really was paid, for this amount.
    const entry = testBank.get(sessionId);
    if (!entry || entry.providerRef !== orderId || entry.amountMinor !== amount) return { action: "invalid" };
    if (entry.status === "declined") return { action: "declined", idempotencyKey: sessionId, providerRef: orderId };
    if (entry.status !== "authorized" && entry.status !== "captured") return { action: "invalid" };
    return { action: "authorized", idempotencyKey: sessionId, providerRef: orderId };
  },
  ...bankOperations("transfer"),
};

/** The test bank page: the shopper pays (or gives up); the bank then signs the notification it sends. */
export function testBankPay(input: { session: string; pay: boolean }) {
  const entry = testBank.get(input.session);
  if (!entry) return null;
  if (entry.status === "pending") {
    entry.status = input.pay ? "authorized" : "declined";
    if (input.pay) entry.chargeCount += 1;
  }
  const fields = { sessionId: input.session, orderId: entry.providerRef, amount: entry.amountMinor, currency: "PLN" };
  return { ...fields, sign: transferSign(fields), paid: entry.status === "authorized" };
}

/** Cash on delivery: nothing to take now; the courier collects the money when the parcel is handed over. */
export const cashOnDeliveryProvider: PaymentProvider = {
  id: "cash_on_delivery",
  initiate: ({ idempotencyKey, amountMinor }) => sessionOf(idempotencyKey, "cod", amountMinor),
  async authorize({ idempotencyKey, amountMinor }) {
    return authorizeOnce(idempotencyKey, "cod", amountMinor, () => ({ ok: true }));
  },
  ...bankOperations("cash_on_delivery"),
};

export type ProviderMethod = "card" | "blik" | "transfer" | "cash_on_delivery";

const providers = new Map<ProviderMethod, PaymentProvider>([
  ["card", testCardProvider],
  ["blik", testBlikProvider],
  ["transfer", testTransferProvider],
  ["cash_on_delivery", cashOnDeliveryProvider],
]);

/** The provider for a way of paying; real ones are plugged in at start-up with `setPaymentProvider`. */
export function paymentProviderFor(method: string): PaymentProvider {
  const provider = providers.get(method as ProviderMethod);
  if (!provider) throw new Error(`No payment provider for ${method}.`);
  return provider;
}
export function setPaymentProvider(method: ProviderMethod, provider: PaymentProvider) {
  providers.set(method, provider);
}
export const providerMethods: readonly string[] = ["card", "blik", "transfer", "cash_on_delivery"];
export type { PaymentData };
