import { boolean, doublePrecision, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";

export type OpeningHours = Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", [string, string] | null>;

export const locations = pgTable("locations", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  city: text("city").notNull(),
  address: text("address").notNull().default(""),
  postalCode: text("postal_code").notNull().default(""),
  type: text("type", { enum: ["store", "warehouse"] }).notNull(),
  pickup: boolean("pickup").notNull().default(false),
  reservations: boolean("reservations").notNull().default(false),
  returns: boolean("returns").notNull().default(false),
  lat: doublePrecision("lat").notNull().default(0),
  lng: doublePrecision("lng").notNull().default(0),
  phone: text("phone").notNull().default(""),
  timezone: text("timezone").notNull().default("Europe/Warsaw"),
  openingHours: jsonb("opening_hours").$type<OpeningHours>(),
  /** Days an order waits at the counter once ready before it expires. */
  pickupExpiryDays: integer("pickup_expiry_days").notNull().default(7),
  /** Hours a reservation holds stock, capped at closing time the day after. */
  reservationHoldHours: integer("reservation_hold_hours").notNull().default(48),
  /** Where shoppers wait for their pickup, shown by the kiosk after check-in. */
  pickupPoint: text("pickup_point").notNull().default("the collection counter"),
});

/** Global settings, such as the return window. */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
});

/** Parcel lockers of the carrier's directory (InPost-style points), nearest-first for the checkout. */
export const parcelLockers = pgTable("parcel_lockers", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  address: text("address").notNull(),
  city: text("city").notNull(),
  postalCode: text("postal_code").notNull(),
  lat: doublePrecision("lat").notNull(),
  lng: doublePrecision("lng").notNull(),
  /** A locker taken out of service stays known to old orders but is refused at checkout. */
  active: boolean("active").notNull().default(true),
});
