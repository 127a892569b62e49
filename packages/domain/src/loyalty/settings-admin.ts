import { settings, type Database } from "@omni/db";

import { badRequest, forbidden, recordAudit, type Actor } from "../kernel";
import { loyaltySettings, type LoyaltySettings } from "./settings";

/** Admin → Loyalty: the earning and value rules, kept as the `loyalty` row of `settings`. */
export async function updateLoyaltySettings(db: Database, actor: Actor, input: LoyaltySettings) {
  if (actor.role !== "admin")
    throw forbidden("Only an administrator can change the loyalty rules.", { reason: "admin_only" });
  const names = new Set(input.tiers.map((t) => t.name));
  if (names.size !== input.tiers.length)
    throw badRequest("Give each tier a different name.", { reason: "tier_names_repeat", field: "tiers" });
  return db.transaction(async (tx) => {
    const before = await loyaltySettings(tx);
    const value = { ...input, tiers: [...input.tiers].sort((a, b) => a.minPoints - b.minPoints) };
    await tx
      .insert(settings)
      .values({ key: "loyalty", value })
      .onConflictDoUpdate({ target: settings.key, set: { value } });
    await recordAudit(tx, actor, {
      action: "loyalty.settings",
      entityType: "settings",
      entityId: "loyalty",
      before,
      after: value,
    });
    return loyaltySettings(tx);
  });
}
