"use client";

import { useTRPCClient } from "@omni/ui/trpc";

/**
 * The procedures of API.md that other engineers are still building (cart, checkout, pickup, returns,
 * reservations, devices, account), typed from the contract itself. The kiosk calls them through the
 * same tRPC client; once a router lands its real types take over at runtime unchanged.
 */
type Query<I, O> = { query: (input: I) => Promise<O> };
type Mutation<I, O> = { mutate: (input: I) => Promise<O> };

export type CartLine = { sku: string; quantity: number; unitPriceMinor: number; totalMinor: number; title?: string; productTitle?: string; variantTitle?: string };
export type Cart = { cartId: string; lines: CartLine[]; subtotalMinor: number; discountMinor: number; totalMinor: number; currency: string };
export type Fulfillment = { type: "pickup"; storeId: string } | { type: "delivery"; address: { line1: string; city: string; postalCode: string; country: string } };
export type Payment = { method: "card"; token: string } | { method: "pay_in_store" };
export type PlacedOrder = { orderNumber: string; status: string; totalMinor: number; pickupCode?: string };
export type CheckIn = { orderNumber?: string; status?: string; storeName?: string; pickupPoint?: string; storeId?: string };
export type Eligibility = { deadline: string | Date | null; lines: { lineId: string; sku: string; returnableQuantity: number; reason?: string | null; title?: string; quantity?: number }[] };
export type ReturnReason = "wrong_size" | "damaged" | "not_as_described" | "changed_mind" | "other";
export type CreatedReturn = { returnNumber: string; status: string; refundMinor: number };
export type Reservation = { code: string; status: string; storeId: string; expiresAt: string | Date; lines: { sku: string; quantity: number; title?: string }[] };

export type ContractClient = {
  cart: {
    create: Mutation<void, { cartId: string }>;
    get: Query<{ cartId: string }, Cart>;
    setQuantity: Mutation<{ cartId: string; sku: string; quantity: number }, Cart>;
    handoff: Mutation<{ cartId: string }, { code: string }>;
    resume: Mutation<{ code: string }, { cartId: string }>;
  };
  checkout: {
    placeOrder: Mutation<
      { cartId: string; email: string; name: string; phone?: string; fulfillment: Fulfillment; payment: Payment; idempotencyKey: string },
      PlacedOrder
    >;
  };
  pickup: { checkIn: Mutation<{ code: string }, CheckIn> };
  returns: {
    eligibility: Query<{ orderNumber: string; email: string }, Eligibility>;
    create: Mutation<
      {
        orderNumber: string;
        email: string;
        lines: { lineId: string; quantity: number; reason: ReturnReason }[];
        method: { type: "in_store"; storeId: string } | { type: "mail" };
        refundTo: "original" | "store_credit";
        idempotencyKey: string;
      },
      CreatedReturn
    >;
  };
  reservations: {
    create: Mutation<
      { storeId: string; lines: { sku: string; quantity: number }[]; email: string; name: string; phone?: string; idempotencyKey: string },
      { code: string; status: string; expiresAt: string | Date }
    >;
    get: Query<{ code: string; email: string }, Reservation>;
    cancel: Mutation<{ code: string; email: string }, unknown>;
  };
  devices: { pair: Mutation<{ code: string }, unknown> };
};

export function useContract(): ContractClient {
  return useTRPCClient() as unknown as ContractClient;
}

/** A fresh key for one attempt of a write; kept across retries of that attempt so it never doubles. */
export const newIdempotencyKey = () =>
  `kiosk-${typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`}`;
