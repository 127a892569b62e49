import { z } from "zod";

/**
 * What the public procedures answer, as the contract (shared/API.md) names it: the OpenAPI document is
 * generated from these, and tRPC checks every answer against them. Objects are loose, so the extra fields
 * a procedure answers pass through unchanged (the contract allows them) and the apps keep receiving them.
 */
const obj = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
const money = z.number().int().describe("Minor units: 12999 = 129.99");
const when = z.union([z.date(), z.iso.datetime({ offset: true })]).describe("ISO-8601 time");
const status = z.string();

export const storeOut = obj({
  id: z.string(),
  name: z.string(),
  city: z.string(),
  type: z.enum(["store", "warehouse"]),
  pickup: z.boolean(),
  reservations: z.boolean(),
});
export const storesOut = z.array(storeOut);

export const searchOut = obj({
  items: z.array(
    obj({ slug: z.string(), title: z.string(), priceMinor: money, currency: z.string(), inStock: z.boolean() }),
  ),
  nextCursor: z.string().nullable(),
});

export const productOut = obj({
  slug: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  category: z.string(),
  currency: z.string(),
  finalSale: z.boolean(),
  variants: z.array(
    obj({ sku: z.string(), title: z.string(), options: z.record(z.string(), z.unknown()), priceMinor: money }),
  ),
});

export const categoriesOut = z.array(obj({ slug: z.string(), name: z.string() }));

export const availabilityOut = obj({
  sku: z.string(),
  online: z.number().int(),
  locations: z.array(obj({ storeId: z.string(), available: z.number().int() })),
});

export const stockLevelOut = obj({
  sku: z.string(),
  storeId: z.string(),
  onHand: z.number().int(),
  available: z.number().int(),
});

export const cartIdOut = obj({ cartId: z.string() });
export const cartOut = obj({
  cartId: z.string(),
  lines: z.array(obj({ sku: z.string(), quantity: z.number().int(), unitPriceMinor: money, totalMinor: money })),
  subtotalMinor: money,
  discountMinor: money,
  totalMinor: money,
  currency: z.string(),
});
export const handoffOut = obj({ code: z.string() });

export const placedOrderOut = obj({
  orderNumber: z.string(),
  status,
  totalMinor: money,
  pickupCode: z.string().nullish(),
  pointsRedeemed: z.number().int().optional(),
});

export const orderOut = obj({
  orderNumber: z.string(),
  channel: z.string(),
  status,
  fulfillment: obj({ type: z.string(), storeId: z.string().nullish() }),
  pickupCode: z.string().nullish(),
  totalMinor: money,
  lines: z.array(obj({ lineId: z.string(), sku: z.string(), quantity: z.number().int(), unitPriceMinor: money })),
  events: z.array(obj({ type: z.string(), at: when, channel: z.string().nullish() })),
});

const reservationLine = obj({ sku: z.string(), quantity: z.number().int() });
export const reservationCreatedOut = obj({ code: z.string(), status, expiresAt: when });
export const reservationOut = obj({
  code: z.string(),
  status,
  storeId: z.string(),
  expiresAt: when,
  lines: z.array(reservationLine),
});

export const eligibilityOut = obj({
  deadline: when.nullable(),
  lines: z.array(
    obj({ lineId: z.string(), sku: z.string(), returnableQuantity: z.number().int(), reason: z.string().nullish() }),
  ),
});
/** An exchange names the order its replacement left as, and what a dearer replacement costs on top. */
const exchangeFields = { exchangeOrderNumber: z.string().optional(), amountDueMinor: money.optional() };
export const returnCreatedOut = obj({ returnNumber: z.string(), status, refundMinor: money, ...exchangeFields });
export const returnOut = obj({
  returnNumber: z.string(),
  status,
  refundMinor: money,
  lines: z.array(obj({})),
  ...exchangeFields,
});

/**
 * The answer of each procedure with a REST route. They are attached to the procedures' definitions for
 * the OpenAPI generator only: the procedures keep the exact answer types TypeScript infers from their
 * use-cases (which carry more than the contract names), and answers are not re-parsed at run time.
 */
export const restAnswers: Record<string, z.ZodType> = {
  "stores.list": storesOut,
  "stores.get": storeOut,
  "catalog.search": searchOut,
  "catalog.product": productOut,
  "catalog.categories": categoriesOut,
  "inventory.availability": availabilityOut,
  "inventory.setOnHand": stockLevelOut,
  "cart.create": cartIdOut,
  "cart.get": cartOut,
  "cart.setQuantity": cartOut,
  "cart.handoff": handoffOut,
  "cart.resume": cartIdOut,
  "checkout.placeOrder": placedOrderOut,
  "orders.get": orderOut,
  "reservations.create": reservationCreatedOut,
  "reservations.get": reservationOut,
  "reservations.cancel": reservationOut,
  "returns.eligibility": eligibilityOut,
  "returns.create": returnCreatedOut,
  "returns.get": returnOut,
  "returns.cancel": returnOut,
  "returns.receive": returnCreatedOut,
};
