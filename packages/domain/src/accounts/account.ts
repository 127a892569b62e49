import { eq } from "drizzle-orm";

import { hashPassword, locations, users, type Database, type Locale } from "@omni/db";

import {
  assertNotLimited,
  badRequest,
  callerKey,
  conflict,
  isUniqueViolation,
  notFound,
  recordHit,
  type Actor,
} from "../kernel";
import { creditBalance, userHolder } from "../payments";
import { findLocation } from "../stores";
import { queueVerificationEmail } from "./email-verification";

const duplicateEmail = () =>
  conflict("An account with this e-mail address already exists. Sign in instead, or reset your password.", {
    reason: "account_exists",
  });

/**
 * `account.signUp`: a shopper's account (role customer). Signing in afterwards goes through next-auth.
 * A taken address says so (the shopper needs to know), so those answers count against the caller's
 * sign-in limit: nobody can test thousands of addresses for accounts.
 */
export async function signUp(
  db: Database,
  actor: Actor,
  input: { email: string; password: string; name: string; locale?: Locale },
) {
  const email = input.email.trim().toLowerCase();
  const key = callerKey(actor);
  await assertNotLimited(db, "signUp", key);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) {
    await recordHit(db, "signUp", key);
    throw duplicateEmail();
  }
  const passwordHash = await hashPassword(input.password);
  try {
    // The account and its "confirm your address" e-mail commit together.
    const [user] = await db.transaction(async (tx) => {
      const rows = await tx
        .insert(users)
        .values({ email, name: input.name.trim(), passwordHash, role: "customer", locale: input.locale ?? "en" })
        .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale });
      if (rows[0]) await queueVerificationEmail(tx, rows[0]);
      return rows;
    });
    if (!user) throw new Error("The account row was not written.");
    return { userId: user.id, email: user.email, name: user.name };
  } catch (error) {
    // Two sign-ups with one address at the same moment: the second is told the address is taken.
    if (isUniqueViolation(error, "users_email_unique")) throw duplicateEmail();
    throw error;
  }
}

/** `account.me`: the profile, the preferred store and the store credit balance. */
export async function getMe(db: Database, actor: Actor & { userId: string }) {
  const [row] = await db
    .select({ user: users, store: { id: locations.id, name: locations.name, city: locations.city } })
    .from(users)
    .leftJoin(locations, eq(locations.id, users.preferredStoreId))
    .where(eq(users.id, actor.userId));
  if (!row) throw notFound("Your account", "account_not_found");
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    emailVerified: !!row.user.emailVerified,
    storeIds: actor.storeIds,
    preferredStoreId: row.user.preferredStoreId,
    preferredStore: row.store?.id ? row.store : null,
    storeCreditMinor: await creditBalance(db, userHolder(row.user.id)),
    currency: "PLN",
    createdAt: row.user.createdAt,
  };
}

export type Me = Awaited<ReturnType<typeof getMe>>;

/** `account.setLocale`: the language the member's e-mails speak, set when they switch the shop's language. */
export async function setAccountLocale(db: Database, actor: Actor & { userId: string }, input: { locale: Locale }) {
  await db.transaction((tx) => tx.update(users).set({ locale: input.locale }).where(eq(users.id, actor.userId)));
  return { locale: input.locale };
}

/** `account.setPreferredStore`: the store shown first for pickup and availability; null forgets it. */
export async function setPreferredStore(
  db: Database,
  actor: Actor & { userId: string },
  input: { storeId: string | null },
): Promise<Me> {
  if (input.storeId) {
    const store = await findLocation(db, input.storeId);
    if (store.type !== "store")
      throw badRequest(`${store.name} is not a shop you can visit.`, {
        reason: "store_not_visitable",
        store: store.name,
        field: "storeId",
      });
  }
  await db.transaction((tx) =>
    tx.update(users).set({ preferredStoreId: input.storeId }).where(eq(users.id, actor.userId)),
  );
  return getMe(db, actor);
}
