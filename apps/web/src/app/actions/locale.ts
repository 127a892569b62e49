"use server";

import { COOKIE_MAX_AGE, LOCALE_COOKIE } from "@/lib/cookie-names";
import { cookies } from "next/headers";

export async function setLocale(formData: FormData) {
  const locale = formData.get("locale") === "en" ? "en" : "pl";
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: COOKIE_MAX_AGE, sameSite: "lax" });
}
