import { createHash, randomBytes } from "node:crypto";

import { domainEnv } from "../kernel";

/**
 * The memory of the built-in test providers: what they were asked, keyed by idempotency key, as a
 * real provider keeps it on its side. Tests read `chargeCount` to prove a payment was taken once.
 */
export type TestBankEntry = {
  providerRef: string;
  amountMinor: number;
  status: "pending" | "authorized" | "declined" | "captured" | "cancelled";
  capturedMinor: number;
  refundedMinor: number;
  /** How many times money was authorised for this key (must never exceed 1). */
  chargeCount: number;
};

const entries = new Map<string, TestBankEntry>();
const refs = new Map<string, string>();

export const testBank = {
  get: (idempotencyKey: string) => entries.get(idempotencyKey),
  byRef: (providerRef: string) => {
    const key = refs.get(providerRef);
    return key ? { key, entry: entries.get(key)! } : undefined;
  },
  open(idempotencyKey: string, prefix: string, amountMinor: number, status: TestBankEntry["status"]): TestBankEntry {
    const existing = entries.get(idempotencyKey);
    if (existing) return existing;
    const entry: TestBankEntry = {
      providerRef: `${prefix}_${randomBytes(8).toString("hex")}`,
      amountMinor,
      status,
      capturedMinor: 0,
      refundedMinor: 0,
      chargeCount: status === "authorized" ? 1 : 0,
    };
    entries.set(idempotencyKey, entry);
    refs.set(entry.providerRef, idempotencyKey);
    return entry;
  },
};

/** The secret a Przelewy24-style notification is signed with (the merchant's CRC key in P24 terms). */
export const testBankCrc = () => domainEnv.OMNI_TEST_BANK_CRC;

/** P24 signs the JSON of the fields in a fixed order with SHA-384. */
export function transferSign(fields: { sessionId: string; orderId: string; amount: number; currency: string }): string {
  const json = JSON.stringify({
    sessionId: fields.sessionId,
    orderId: fields.orderId,
    amount: fields.amount,
    currency: fields.currency,
    crc: testBankCrc(),
  });
  return createHash("sha384").update(json).digest("hex");
}
