import { auth } from "@/auth";
import { AuthForm } from "@/components/auth-form";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";

import { localPath } from "@omni/core";

type Mode = "sign-in" | "sign-up";
type Props = { searchParams: Promise<{ next?: string }> };

export async function authPageMetadata(mode: Mode): Promise<Metadata> {
  return { title: (await getTranslations("auth"))(`${mode}Title`) };
}

/** The sign-in and sign-up pages: a signed-in shopper goes on to where they were heading (same-site paths only). */
export async function AuthPage({ mode, searchParams }: Props & { mode: Mode }) {
  const t = await getTranslations("auth");
  const { next } = await searchParams;
  const target = localPath(next, "/account");
  if ((await auth())?.user) redirect(target);
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">{t(`${mode}Title`)}</h1>
      <p className="text-slate-700">{t(`${mode}Intro`)}</p>
      <AuthForm mode={mode} next={target} />
    </div>
  );
}
