"use server";

import { auth } from "@/auth";
import { COOKIE_MAX_AGE, LOCALE_COOKIE } from "@/lib/cookie-names";
import { serverApi } from "@/server/api";
import { orUnavailable } from "@/server/optional";
import { cookies } from "next/headers";

export async function setLocale(formData: FormData) {
  const locale = formData.get("locale") === "en" ? "en" : "pl";
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: COOKIE_MAX_AGE, sameSite: "lax" });
  // A signed-in member's e-mails follow the language they chose; the switch itself works even if that fails.
  if ((await auth())?.user) await orUnavailable((await serverApi()).account.setLocale({ locale }), "account locale");
}
