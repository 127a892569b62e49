import { formatMoney } from "@omni/core";

/** Money as the messages to shoppers print it ("PLN 129.99"): one wording for every e-mail and SMS. */
export const moneyText = (minor: number, currency: string) => formatMoney(minor, currency, "en");

/** A moment as the messages print it, in the store's own time zone ("Friday 4 December 2026 at 20:00"). */
export const whenText = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "full", timeStyle: "short" }).format(at);
