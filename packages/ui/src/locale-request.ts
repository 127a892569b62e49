import type { AbstractIntlMessages } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";

export const locales = ["pl", "en"] as const;
export type Locale = (typeof locales)[number];

/**
 * next-intl's request config of every app: Polish by default; the language switch stores the choice in a
 * cookie. Each app passes how to load its own catalogue (the import path is the app's).
 */
export function localeRequestConfig(load: (locale: Locale) => Promise<unknown>, options: { timeZone?: string } = {}) {
  return getRequestConfig(async () => {
    const chosen = (await cookies()).get("NEXT_LOCALE")?.value;
    const locale: Locale = chosen === "en" ? "en" : "pl";
    // A JSON module: its default export is the app's message catalogue for that language.
    const catalogue = (await load(locale)) as { default: AbstractIntlMessages };
    return { locale, ...options, messages: catalogue.default };
  });
}
