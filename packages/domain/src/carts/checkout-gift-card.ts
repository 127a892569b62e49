import type { Database } from "@omni/db";

import type { Actor } from "../kernel";
import { findGiftCardByCode } from "../payments";

/**
 * A gift card at checkout, in every channel: the code the shopper (or the clerk) typed or scanned.
 * It pays after points and store credit, as much of the rest as its balance covers; the card, BLIK or
 * the till pays what is left. `method: 'gift_card'` means the card must pay it all.
 */
export type GiftCardChoice = { giftCardCode?: string };

/**
 * The card to spend from, or null when the shopper pays with none. The code is looked up before any
 * write, so a wrong one changes nothing; it counts as a wrong code guess against the caller.
 */
export async function checkoutGiftCard(db: Database, actor: Actor, choice: GiftCardChoice): Promise<string | null> {
  if (!choice.giftCardCode?.trim()) return null;
  const card = await findGiftCardByCode(db, actor, choice.giftCardCode);
  return card.id;
}
