/**
 * The payment-provider interface, in the shape of Medusa v2's payment module providers: a session is
 * initiated, authorised at checkout, captured when the goods leave, refunded after capture, cancelled
 * (the authorisation released) when the order ends unfulfilled. Every call carries the idempotency key
 * of its attempt, so that a retry after a lost answer never takes money twice, and `status` asks the
 * provider what became of an attempt whose answer was lost.
 */
export type ProviderStatus = "pending" | "authorized" | "declined" | "captured" | "cancelled" | "not_found";

export type AuthorizeAnswer =
  | { status: "authorized"; providerRef: string }
  | { status: "declined"; reason: string }
  /** Waiting for the shopper (a bank transfer): finished later by a notification or the return page. */
  | { status: "pending"; providerRef: string; redirectUrl?: string };

export type ProviderResult = { ok: true; providerRef: string } | { ok: false; reason: string };

/** A call that did not answer in time: the provider may or may not have acted. */
export class ProviderTimeoutError extends Error {
  constructor(provider: string) {
    super(`The payment provider ${provider} did not answer in time.`);
    this.name = "ProviderTimeoutError";
  }
}

export type PaymentData = { token?: string; code?: string; returnUrl?: string };

export interface PaymentProvider {
  readonly id: string;
  /** Opens a payment session; for pay-by-link providers this gives the address the shopper is sent to. */
  initiate(input: {
    idempotencyKey: string;
    amountMinor: number;
    currency: string;
    reference: string;
    data: PaymentData;
  }): Promise<{ providerRef: string; redirectUrl?: string }>;
  authorize(input: {
    idempotencyKey: string;
    amountMinor: number;
    currency: string;
    reference: string;
    data: PaymentData;
  }): Promise<AuthorizeAnswer>;
  capture(input: { idempotencyKey: string; providerRef: string; amountMinor: number }): Promise<ProviderResult>;
  refund(input: { idempotencyKey: string; providerRef: string; amountMinor: number }): Promise<ProviderResult>;
  cancel(input: { idempotencyKey: string; providerRef: string }): Promise<ProviderResult>;
  status(input: { idempotencyKey: string }): Promise<{ status: ProviderStatus; providerRef?: string }>;
  /**
   * Reads a notification from the provider: checks its signature, verifies it with the provider and
   * says which attempt it settles. Anything not genuine is `invalid`.
   */
  webhook?(input: {
    body: string;
  }): Promise<
    { action: "authorized" | "declined"; idempotencyKey: string; providerRef: string } | { action: "invalid" }
  >;
}
