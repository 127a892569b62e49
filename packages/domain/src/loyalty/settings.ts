import { sql } from "drizzle-orm";

import type { DbOrTx } from "@omni/db";

export type LoyaltyTier = { name: string; minPoints: number; multiplier: number };

/**
 * The loyalty programme's rules, the `loyalty` row of `settings` (edited in admin → Loyalty). The
 * defaults are the contract's demo figures: 1 point per full 1 PLN of goods paid, 100 points worth
 * 1 PLN, 50 points for the first completed order in a new channel.
 */
export type LoyaltySettings = {
  /** Points per full 1 PLN (100 minor units) paid for goods, before the tier's multiplier. */
  pointsPerPln: number;
  /** Minor units one point is worth when redeemed (1: 100 points = 1 PLN). */
  pointValueMinor: number;
  channelBonus: number;
  /** Points lapse this many months after they were credited, unless spent first. */
  expiryMonths: number;
  /** How many days before points lapse the member is reminded, once. */
  reminderDays: number;
  /** Tiers by points earned in the last 12 months, lowest first; the highest reached applies. */
  tiers: LoyaltyTier[];
};

export const defaultLoyaltySettings: LoyaltySettings = {
  pointsPerPln: 1,
  pointValueMinor: 1,
  channelBonus: 50,
  expiryMonths: 24,
  reminderDays: 30,
  tiers: [
    { name: "silver", minPoints: 1000, multiplier: 1.25 },
    { name: "gold", minPoints: 3000, multiplier: 1.5 },
  ],
};

const positiveInt = (value: unknown, fallback: number, max: number) =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max ? value : fallback;

function validTiers(value: unknown): LoyaltyTier[] | null {
  if (!Array.isArray(value)) return null;
  const tiers = value.filter(
    (t): t is LoyaltyTier =>
      typeof t === "object" &&
      t !== null &&
      typeof (t as LoyaltyTier).name === "string" &&
      Number.isInteger((t as LoyaltyTier).minPoints) &&
      typeof (t as LoyaltyTier).multiplier === "number" &&
      (t as LoyaltyTier).multiplier >= 1 &&
      (t as LoyaltyTier).multiplier <= 10,
  );
  return tiers.length === value.length ? [...tiers].sort((a, b) => a.minPoints - b.minPoints) : null;
}

/** The settings in force; a missing or malformed value falls back to the default rather than breaking a checkout. */
export async function loyaltySettings(db: DbOrTx): Promise<LoyaltySettings> {
  const [row] = await db.execute<{ value: Partial<LoyaltySettings> | null }>(
    sql`select value from settings where key = 'loyalty'`,
  );
  const v = row?.value ?? {};
  const d = defaultLoyaltySettings;
  return {
    pointsPerPln: positiveInt(v.pointsPerPln, d.pointsPerPln, 1000),
    pointValueMinor: Math.max(1, positiveInt(v.pointValueMinor, d.pointValueMinor, 10_000)),
    channelBonus: positiveInt(v.channelBonus, d.channelBonus, 1_000_000),
    expiryMonths: Math.max(1, positiveInt(v.expiryMonths, d.expiryMonths, 120)),
    reminderDays: positiveInt(v.reminderDays, d.reminderDays, 365),
    tiers: validTiers(v.tiers) ?? d.tiers,
  };
}

/** The tier a member with `points` earned in the last 12 months is in (null: the base tier). */
export function tierFor(settings: LoyaltySettings, points: number): LoyaltyTier | null {
  let reached: LoyaltyTier | null = null;
  for (const tier of settings.tiers) if (points >= tier.minPoints) reached = tier;
  return reached;
}

/** When points credited at `at` lapse. */
export function expiryOf(settings: LoyaltySettings, at: Date): Date {
  const out = new Date(at);
  out.setUTCMonth(out.getUTCMonth() + settings.expiryMonths);
  return out;
}
