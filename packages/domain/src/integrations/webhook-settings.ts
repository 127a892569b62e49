import { domainEnv } from "../kernel";
import type { WebhookAddressPolicy } from "./webhook-address";

/**
 * `OMNI_WEBHOOKS_ALLOW_PRIVATE=1` lets webhooks reach loopback and private addresses. `pnpm start` sets it
 * when it runs the demo on the embedded database (so a receiver on localhost works); a deployment with its
 * own `DATABASE_URL` leaves it off, and webhooks may then only reach public addresses.
 */
export function webhookPolicyFromEnv(): WebhookAddressPolicy {
  return { allowPrivateAddresses: domainEnv.OMNI_WEBHOOKS_ALLOW_PRIVATE };
}
