import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";

export const locales = ["pl", "en"] as const;

/** Polish by default; the language switch stores the choice in a cookie. */
export default getRequestConfig(async () => {
  const chosen = (await cookies()).get("NEXT_LOCALE")?.value;
  const locale = chosen === "en" ? "en" : "pl";
  return { locale, messages: (await import(`../../messages/${locale}.json`)).default };
});
