import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** Every app's page title: the page's own, then "· Omni"; the app's name (and tagline) from its "app" messages. */
export async function appMetadata({ withDescription = false } = {}): Promise<Metadata> {
  const t = await getTranslations("app");
  return {
    title: { default: t("title"), template: `%s · Omni` },
    ...(withDescription ? { description: t("tagline") } : {}),
  };
}

/**
 * The document in the chosen language, without next-intl's client provider. A separate module from
 * app-document.tsx on purpose: a layout that merely imports a client component ships its script on every page,
 * rendered or not, so the shop's root layout must not import the provider at all.
 */
export async function DocumentShell({ bodyClassName, children }: { bodyClassName: string; children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className={bodyClassName}>{children}</body>
    </html>
  );
}
