import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";

import ipaddr from "ipaddr.js";

import { badRequest } from "../kernel";

/**
 * Outside the demo a webhook may only reach public addresses: a URL that names or resolves to a
 * loopback, private, link-local or otherwise reserved address is refused, so a subscription cannot be
 * used to probe the servers next to ours (server-side request forgery).
 */
export type WebhookAddressPolicy = { allowPrivateAddresses: boolean };

/** Only public unicast addresses count as public; IPv4-mapped IPv6 is judged as the IPv4 inside. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest("Enter a full web address starting with https:// or http://.", { reason: "webhook_url_invalid" });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    throw badRequest("A webhook address must start with https:// or http://.", { reason: "webhook_url_invalid" });
  if (url.username || url.password)
    throw badRequest("A webhook address cannot carry a user name or password.", { reason: "webhook_url_credentials" });
  return url;
}

/** Resolves the host and refuses it unless every address it has is public (or the policy allows any). */
export async function assertDeliverableUrl(raw: string, policy: WebhookAddressPolicy): Promise<URL> {
  const url = parseWebhookUrl(raw);
  if (policy.allowPrivateAddresses) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : (await lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    throw badRequest(`The host ${host} of this webhook address could not be found.`, {
      reason: "webhook_host_unknown",
      host,
    });
  }
  if (addresses.length === 0 || !addresses.every(isPublicAddress))
    throw badRequest("Webhooks may only be sent to public internet addresses, not to private or local ones.", {
      reason: "webhook_url_private",
    });
  return url;
}

/**
 * The DNS lookup the delivery connects with: it re-checks the address it actually connects to, so a
 * host that resolved to a public address when checked cannot switch to a private one for the request.
 */
export function guardedLookup(policy: WebhookAddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { all: true, family: options.family as 0 | 4 | 6 | undefined }).then(
      (entries) => {
        const refused = entries.find((entry) => !policy.allowPrivateAddresses && !isPublicAddress(entry.address));
        if (refused) {
          callback(new Error(`Refused to connect to the private address ${refused.address}.`), "", 4);
          return;
        }
        if (options.all) callback(null, entries);
        else callback(null, entries[0]!.address, entries[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}
