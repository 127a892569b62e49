import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

import { locations } from "./locations";

export const roles = ["customer", "associate", "manager", "admin"] as const;
export type Role = (typeof roles)[number];

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name").notNull().default(""),
  passwordHash: text("password_hash"),
  role: text("role", { enum: roles }).notNull().default("customer"),
  active: boolean("active").notNull().default(true),
  preferredStoreId: text("preferred_store_id").references(() => locations.id),
  /** The language of the account's e-mails (verification, password, staff invitation, points): the app's when they last set it. */
  locale: text("locale", { enum: ["pl", "en"] })
    .notNull()
    .default("en"),
  emailVerified: timestamp("email_verified", { withTimezone: true }),
  /** Raised when the password or role changes: every session signed with an older value ends. */
  sessionVersion: integer("session_version").notNull().default(0),
  image: text("image"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Which stores a member of staff works in. Admins work everywhere and need no rows. */
export const staffAssignments = pgTable(
  "staff_assignments",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    storeId: text("store_id")
      .notNull()
      .references(() => locations.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storeId] })],
);

// next-auth's tables, kept for adapters and OAuth providers; credentials sessions are JWTs.
export const authAccounts = pgTable(
  "auth_accounts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const authSessions = pgTable("auth_sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true }).notNull(),
});

export const authVerificationTokens = pgTable(
  "auth_verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

export const kioskDevices = pgTable(
  "kiosk_devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    storeId: text("store_id")
      .notNull()
      .references(() => locations.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("kiosk_devices_store_idx").on(t.storeId)],
);

export const kioskPairingCodes = pgTable("kiosk_pairing_codes", {
  codeHash: text("code_hash").primaryKey(),
  storeId: text("store_id")
    .notNull()
    .references(() => locations.id),
  createdBy: uuid("created_by").references(() => users.id),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  deviceId: uuid("device_id").references(() => kioskDevices.id),
});
