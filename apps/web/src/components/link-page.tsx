import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

type Page = "forgot" | "reset" | "verify" | "newsletter" | "unsubscribe";

export async function linkPageMetadata(page: Page): Promise<Metadata> {
  return { title: (await getTranslations("recovery"))(`${page}Title`) };
}

/** The frame of the pages behind e-mailed account links; a missing token says so instead of a form. */
export async function LinkPage({
  page,
  token,
  intro,
  children,
}: {
  page: Page;
  token?: string | null;
  /** The values the page's introduction names (the address an unsubscribe link is for). */
  intro?: Record<string, string>;
  children: ReactNode;
}) {
  const t = await getTranslations("recovery");
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">{t(`${page}Title`)}</h1>
      <p className="text-slate-700">{t(`${page}Intro`, intro)}</p>
      {token === "" ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          {t("noToken")}
        </p>
      ) : (
        children
      )}
    </div>
  );
}
