"use client";

import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "@omni/api";
import { newIdempotencyKey } from "@omni/core";
import { useTRPCClient } from "@omni/ui/trpc";

/** The shared router's client, for calls made from event handlers and one-off React Query functions. */
export const useContract = () => useTRPCClient();

type Inputs = inferRouterInputs<AppRouter>;
type Outputs = inferRouterOutputs<AppRouter>;

export type Fulfillment = Inputs["checkout"]["placeOrder"]["fulfillment"];
export type Payment = Inputs["checkout"]["placeOrder"]["payment"];
export type PlacedOrder = Outputs["checkout"]["placeOrder"];
export type Eligibility = Outputs["returns"]["eligibility"];
export type ReturnReason = Inputs["returns"]["create"]["lines"][number]["reason"];
export type Reservation = Outputs["reservations"]["get"];

/** A fresh key for one attempt of a write; kept across retries of that attempt so it never doubles. */
export const newKioskIdempotencyKey = () => newIdempotencyKey("kiosk");
