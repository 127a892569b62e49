import { auth } from "@/auth";
import { LocaleSwitch } from "@/components/locale-switch";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn"))("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; next?: string }>;
}) {
  const t = await getTranslations("signIn");
  if ((await auth())?.user?.id) redirect("/");
  const params = await searchParams;
  let next = "/";
  // The page the person wanted, as a path on this app only (next-auth passes an absolute URL);
  // an address that cannot be read leads to the start page.
  const wanted = params.next ?? params.callbackUrl;
  if (wanted && URL.canParse(wanted, "http://x")) {
    const url = new URL(wanted, "http://x");
    next = `${url.pathname}${url.search}`;
  }
  return (
    <main className="flex min-h-screen items-center justify-center bg-slate-100 p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="mb-6 flex items-start justify-between">
          <div>
            <p className="text-sm text-slate-500">Omni</p>
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
          </div>
          <LocaleSwitch />
        </div>
        <SignInForm next={next} />
      </div>
    </main>
  );
}
