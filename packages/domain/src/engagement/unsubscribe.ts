import { createHmac, timingSafeEqual } from "node:crypto";

import type { Database } from "@omni/db";

import { badRequest, domainEnv, type Actor } from "../kernel";
import { answerMarketingEmail } from "./consent";

/** The key of the links; a deployment without one would hand out links anyone could forge. */
function linkKey(): string {
  if (domainEnv.AUTH_SECRET) return domainEnv.AUTH_SECRET;
  if (domainEnv.NODE_ENV === "production") throw new Error("Set AUTH_SECRET: it signs the unsubscribe links.");
  return "omni-development-unsubscribe-key";
}

const signatureOf = (email: string) =>
  createHmac("sha256", linkKey()).update(`unsubscribe:${email}`).digest("base64url");

/**
 * The one-press "no more marketing" link every marketing e-mail carries, so a guest without an account can
 * withdraw as easily as they agreed. Signed, not stored: it names the address and only ever withdraws.
 */
export function unsubscribeLink(email: string): string {
  const address = email.trim().toLowerCase();
  const query = new URLSearchParams({ email: address, token: signatureOf(address) });
  return `${domainEnv.OMNI_WEB_URL.replace(/\/+$/, "")}/newsletter/unsubscribe?${query.toString()}`;
}

/** `consent.unsubscribe`: the link's address and signature; records the withdrawal (a second press changes nothing). */
export async function unsubscribeByLink(db: Database, actor: Actor, input: { email: string; token: string }) {
  const email = input.email.trim().toLowerCase();
  const expected = Buffer.from(signatureOf(email));
  const given = Buffer.from(input.token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw badRequest("This link is not complete. Copy the whole link from the e-mail.", {
      reason: "unsubscribe_link_invalid",
    });
  await db.transaction((tx) => answerMarketingEmail(tx, actor, { email, granted: false, locale: "en" }));
  return { email };
}
