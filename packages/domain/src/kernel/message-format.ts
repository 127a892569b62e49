import { formatMoney } from "@omni/core";

/** The languages messages to shoppers are written in; anything else reads English. */
export type MessageLocale = "pl" | "en";

/** Money as the messages to shoppers print it ("PLN 129.99", "129,99 zł"): one wording for every e-mail and SMS. */
export const moneyText = (minor: number, currency: string, locale: MessageLocale = "en") =>
  formatMoney(minor, currency, locale);

/** A moment as the messages print it, in the store's own time zone ("Friday 4 December 2026 at 20:00"). */
export const whenText = (at: Date, timeZone: string, locale: MessageLocale = "en") =>
  new Intl.DateTimeFormat(locale === "pl" ? "pl-PL" : "en-GB", {
    timeZone,
    dateStyle: "full",
    timeStyle: "short",
  }).format(at);
