import { randomBytes } from "node:crypto";

/**
 * The payment-provider interface. Checkout charges a card token; returns and declined lines refund
 * against the original charge. The built-in test provider authorises `tok_ok` and declines `tok_declined`.
 */
export type ChargeResult = { ok: true; providerRef: string } | { ok: false; reason: string };
export type RefundResult = { ok: true; providerRef: string } | { ok: false; reason: string };

export interface PaymentProvider {
  readonly name: string;
  charge(input: { token: string; amountMinor: number; currency: string; reference: string }): Promise<ChargeResult>;
  refund(input: { chargeRef: string; amountMinor: number; currency: string; reference: string }): Promise<RefundResult>;
}

export const testPaymentProvider: PaymentProvider = {
  name: "test",
  async charge({ token, amountMinor }) {
    if (token === "tok_ok") return { ok: true, providerRef: `ch_test_${randomBytes(8).toString("hex")}` };
    if (token === "tok_declined") return { ok: false, reason: "Your card was declined. Please use another card." };
    if (amountMinor < 0) return { ok: false, reason: "Invalid amount." };
    return { ok: false, reason: "This card could not be charged. Please check the details and try again." };
  },
  async refund({ chargeRef }) {
    if (!chargeRef.startsWith("ch_test_")) return { ok: false, reason: "Unknown charge." };
    return { ok: true, providerRef: `re_test_${randomBytes(8).toString("hex")}` };
  },
};

let current: PaymentProvider = testPaymentProvider;

/** The provider in use; a real one is plugged in here at start-up. */
export const paymentProvider = () => current;
export function setPaymentProvider(provider: PaymentProvider) {
  current = provider;
}
