import { eq } from "drizzle-orm";

import { settings, type DbOrTx } from "@omni/db";

export type DeliveryFees = { courierMinor: number; lockerMinor: number; freeFromMinor: number };

export const defaultDeliveryFees: DeliveryFees = { courierMinor: 1499, lockerMinor: 999, freeFromMinor: 19900 };

/** The delivery prices as configured in admin (settings key `delivery_fees`), else the demo prices. */
export async function deliveryFees(db: DbOrTx): Promise<DeliveryFees> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, "delivery_fees"));
  const value = (row?.value ?? {}) as Partial<DeliveryFees>;
  return { ...defaultDeliveryFees, ...value };
}

export async function setDeliveryFees(db: DbOrTx, fees: DeliveryFees): Promise<DeliveryFees> {
  await db
    .insert(settings)
    .values({ key: "delivery_fees", value: fees })
    .onConflictDoUpdate({ target: settings.key, set: { value: fees } });
  return fees;
}

/** What delivery costs for goods worth `goodsMinor` after discounts: free from the threshold on. */
export function shippingFee(fees: DeliveryFees, method: "courier" | "locker" | "pickup", goodsMinor: number): number {
  if (method === "pickup") return 0;
  if (goodsMinor >= fees.freeFromMinor) return 0;
  return method === "courier" ? fees.courierMinor : fees.lockerMinor;
}

/** Days a parcel takes, as the demo carrier promises. */
export const deliveryEtaDays = { courier: 2, locker: 2 } as const;
